--[[
  applyChange-3: compare-and-set of one alert's review state together with its audit line
  and, for suppressions, the suppression write: all of it or nothing.

  KEYS[1] review hash of the alert  (fields: version, state)
  KEYS[2] audit stream of the alert (field: entry)
  KEYS[3] suppressions hash         (field: suppression id, value: suppression JSON)

  ARGV[1] expected version (0 when the alert was never reviewed)
  ARGV[2] new version
  ARGV[3] new state, JSON
  ARGV[4] audit entry, JSON
  ARGV[5] suppression write: '' | 'put' | 'remove'
  ARGV[6] suppression id
  ARGV[7] suppression JSON (for 'put')

  Output: 1 when written; 0 when the version moved, so the caller re-reads and decides again.
]]
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if current ~= tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3])
redis.call('XADD', KEYS[2], '*', 'entry', ARGV[4])
if ARGV[5] == 'put' then
  redis.call('HSET', KEYS[3], ARGV[6], ARGV[7])
elseif ARGV[5] == 'remove' then
  redis.call('HDEL', KEYS[3], ARGV[6])
end
return 1
