--[[
  releaseLock-1: releases an alert's merge lock, only while this holder still owns it (a
  holder that overran the lock's time must not release the next holder's lock).

  KEYS[1] merge lock of one alert (string: the holder's token)

  ARGV[1] the holder's token

  Output: 1 when released; 0 when the lock had expired or belongs to another holder.
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
