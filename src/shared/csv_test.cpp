#include "shared/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace gpuaas {
namespace {

std::string Field(std::string_view value) {
  std::string out;
  AppendCsvField(out, value);
  return out;
}

TEST(Csv, PlainValuesAreWrittenAsIs) {
  EXPECT_EQ(Field("gpu-a100"), "gpu-a100");
  EXPECT_EQ(Field(""), "");
  EXPECT_EQ(Field("12.50"), "12.50");
  EXPECT_EQ(Field("with space"), "with space");
  EXPECT_EQ(Field("a=b"), "a=b");  // only a leading formula character is dangerous
}

TEST(Csv, QuotesValuesWithCommaQuoteCrOrLf) {
  EXPECT_EQ(Field("a,b"), "\"a,b\"");
  EXPECT_EQ(Field("line1\nline2"), "\"line1\nline2\"");
  EXPECT_EQ(Field("line1\r\nline2"), "\"line1\r\nline2\"");
  EXPECT_EQ(Field("cr\r"), "\"cr\r\"");
}

TEST(Csv, DoublesInnerQuotes) {
  EXPECT_EQ(Field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(Field("\""), "\"\"\"\"");
}

TEST(Csv, GuardsValuesThatASpreadsheetWouldEvaluate) {
  EXPECT_EQ(Field("=1+2"), "'=1+2");
  EXPECT_EQ(Field("+1"), "'+1");
  EXPECT_EQ(Field("-5"), "'-5");
  EXPECT_EQ(Field("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(Field("\tindented"), "'\tindented");
}

TEST(Csv, GuardedValuesAreQuotedWhenNeeded) {
  EXPECT_EQ(Field("=HYPERLINK(\"http://evil\",\"x\")"), "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
  EXPECT_EQ(Field("\rhidden"), "\"'\rhidden\"");
  EXPECT_EQ(Field("-1,5"), "\"'-1,5\"");
}

TEST(Csv, RowsSeparateFieldsWithCommasAndEndInCrLf) {
  std::string out;
  AppendCsvRow(out, {"id", "name", "amount"});
  AppendCsvRow(out, {"inst_1", "a, b", "=cmd"});
  EXPECT_EQ(out, "id,name,amount\r\ninst_1,\"a, b\",'=cmd\r\n");
}

TEST(Csv, EmptyFieldsAndEmptyRows) {
  std::string out;
  AppendCsvRow(out, {"", "x", ""});
  AppendCsvRow(out, {});
  EXPECT_EQ(out, ",x,\r\n\r\n");
}

TEST(Csv, RowsFromASpanOfViews) {
  const std::string owned = "owned value";
  const std::vector<std::string_view> fields{owned, "2", "\"q\""};
  std::string out = "prefix:";
  AppendCsvRow(out, fields);
  EXPECT_EQ(out, "prefix:owned value,2,\"\"\"q\"\"\"\r\n");
}

}  // namespace
}  // namespace gpuaas
