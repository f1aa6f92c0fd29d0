-- Twilio-shaped SMS webhooks, each signed beforehand (bench/channels.py writes one line per
-- request: signature, tab, form body). Each request is sent once: thread k of n sends lines
-- k, k+n, k+2n … so no two threads repeat a message id.
local path = "/conversations/twilio/messages/"
local lines = {}
for line in io.lines(os.getenv("EVERYDOOR_BENCH_REQUESTS")) do
  table.insert(lines, line)
end
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("number", counter)
  table.insert(threads, thread)
end

function init(args)
  position = number
  stride = 2  -- bench/channels.py runs wrk with --threads=2
end

function request()
  local line = lines[position]
  position = position + stride
  local signature, body = string.match(line, "^([^\t]*)\t(.*)$")
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = signature,
  }, body)
end
