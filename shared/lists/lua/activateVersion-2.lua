--[[
  Makes a stored version the active one of its source again (a rollback).

  KEYS[1] versions index     (hash: version id -> version JSON)
  KEYS[2] active pointers    (hash: source -> version id)

  ARGV[1] version id
  ARGV[2] channel to announce the switch on ("source version-id")

  Output: 1 when switched, 0 when no such version is stored.
]]
local version = redis.call('HGET', KEYS[1], ARGV[1])
if not version then
  return 0
end
local source = cjson.decode(version)['source']
redis.call('HSET', KEYS[2], source, ARGV[1])
redis.call('PUBLISH', ARGV[2], source .. ' ' .. ARGV[1])
return 1
