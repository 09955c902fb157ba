--[[
  Stores one list version and (optionally) makes it the active version of its source,
  in one atomic step: a reader sees the previous list or this one, never a mix.

  KEYS[1] version key        (string: the snapshot JSON)
  KEYS[2] versions index     (hash: version id -> version JSON)
  KEYS[3] active pointers    (hash: source -> version id)

  ARGV[1] version id
  ARGV[2] source
  ARGV[3] snapshot JSON
  ARGV[4] version JSON
  ARGV[5] "1" to activate, "0" to only store
  ARGV[6] channel to announce the switch on ("source version-id")

  Output: 1 when the version was new, 0 when the same bytes were stored before.
]]
local created = redis.call('SETNX', KEYS[1], ARGV[3])
redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[4])
if ARGV[5] == '1' then
  redis.call('HSET', KEYS[3], ARGV[2], ARGV[1])
  redis.call('PUBLISH', ARGV[6], ARGV[2] .. ' ' .. ARGV[1])
end
return created
