#include "services/access/ssh_key_service.hpp"

#include "services/access/authorizer.hpp"
#include "services/access/identity_rules.hpp"
#include "services/access/ssh_public_key.hpp"

namespace gpuaas::services {

using repositories::SshKeyRepository;

Result<std::vector<repositories::SshKeyRecord>> SshKeyService::List(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  std::vector<repositories::SshKeyRecord> keys;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(keys, SshKeyRepository::ListByUser(session, caller.principal.id));
    return Ok();
  }));
  return keys;
}

Result<repositories::SshKeyRecord> SshKeyService::Add(const Caller& caller, std::string_view name_text,
                                                      std::string_view public_key) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, ValidateName(name_text, "name"));
  GPUAAS_ASSIGN_OR_RETURN(const auto parsed, ParseSshPublicKey(public_key));
  repositories::SshKeyRecord key{
      context_.ids.Next("key"), caller.principal.id, name,           parsed.type,         parsed.bits,
      parsed.fingerprint,       parsed.normalized,   parsed.comment, context_.clock.Now()};
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto existing,
                            SshKeyRepository::FindByFingerprint(session, caller.principal.id, key.fingerprint));
    if (existing) {
      return Error::Conflict("this key is already on your account as '" + existing->name + "'")
          .WithDetail("field", "public_key");
    }
    GPUAAS_RETURN_IF_ERROR(SshKeyRepository::Insert(session, key));
    GPUAAS_RETURN_IF_ERROR(
        context_.audit.Append(session, caller,
                              {"ssh_key.create",
                               "ssh_key",
                               key.id,
                               {},
                               {},
                               "allowed",
                               {{"name", key.name}, {"fingerprint", key.fingerprint}, {"key_type", key.key_type}}}));
    return Ok();
  }));
  return key;
}

Status SshKeyService::Delete(const Caller& caller, std::string_view key_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto key, SshKeyRepository::Find(session, caller.principal.id, key_id));
    if (!key) return Error::NotFound("SSH key " + std::string(key_id) + " not found");
    GPUAAS_RETURN_IF_ERROR(SshKeyRepository::Delete(session, caller.principal.id, key_id));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"ssh_key.delete",
                                                  "ssh_key",
                                                  key->id,
                                                  {},
                                                  {},
                                                  "allowed",
                                                  {{"name", key->name}, {"fingerprint", key->fingerprint}}}));
    return Ok();
  });
}

}  // namespace gpuaas::services
