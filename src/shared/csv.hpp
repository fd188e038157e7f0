#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace gpuaas {

// CSV for exports that people open in spreadsheets: RFC 4180 quoting plus a guard against formula
// injection.
//
// A field is quoted when it contains a comma, a double quote, CR or LF, with inner quotes doubled. A value
// starting with '=', '+', '-', '@', tab or CR gets a leading single quote first, so a spreadsheet shows it
// as text instead of evaluating it (OWASP "CSV Injection"). That includes negative numbers: "-5" is
// written as '-5, which is the price of never letting user-controlled text run as a formula.

// Appends one field, quoted or guarded as needed; no separator.
void AppendCsvField(std::string& out, std::string_view value);

// Appends the fields separated by commas and ends the row with CRLF.
void AppendCsvRow(std::string& out, std::span<const std::string_view> fields);
void AppendCsvRow(std::string& out, std::initializer_list<std::string_view> fields);

}  // namespace gpuaas
