-- Shared by the wrk scripts: one wrk thread holds one connection and plays one visitor,
-- sending its cookies and CSRF token the way a browser would.
local common = {}

-- wrk keeps only the last of several Set-Cookie headers, so the benchmark signs each
-- visitor in beforehand (a form page for the CSRF cookie, Start for a session) and hands
-- wrk one line per visitor: the Cookie header, a tab, and the form's CSRF token.
local visitor_lines = {}
for line in io.lines(os.getenv("EVERYDOOR_BENCH_VISITORS")) do
  table.insert(visitor_lines, line)
end

-- Called from setup(): give each wrk thread (one connection) its own visitor.
function common.assign_visitor(thread, number)
  local line = visitor_lines[(number - 1) % #visitor_lines + 1]
  local cookie, token = string.match(line, "^([^\t]*)\t(.*)$")
  thread:set("cookie", cookie)
  thread:set("token", token)
  thread:set("seed", number * 7919 + os.time())
end

function common.location(headers)
  for name, value in pairs(headers) do
    if string.lower(name) == "location" then
      return value
    end
  end
end

function common.uuid()
  local hex = "0123456789abcdef"
  local out = {}
  for i = 1, 32 do
    local n = math.random(1, 16)
    table.insert(out, string.sub(hex, n, n))
  end
  local s = table.concat(out)
  return string.format("%s-%s-4%s-a%s-%s", s:sub(1, 8), s:sub(9, 12), s:sub(14, 16), s:sub(18, 20), s:sub(21, 32))
end

-- PHQ-9 answer codes (LOINC answer list LL358-3) and the difficulty item's (LL359-1).
common.FREQUENCY = { "LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9" }
common.DIFFICULTY = { "LA6572-7", "LA6573-5", "LA6574-3", "LA6575-0" }

-- Answers as people give them: mostly low, sometimes high; item 9 above zero in about
-- one submission in ten, which sends the person to crisis help first.
function common.random_answer(number)
  if number == 10 then
    return common.DIFFICULTY[math.random(1, 4)]
  end
  if number == 9 then
    return math.random() < 0.1 and common.FREQUENCY[2] or common.FREQUENCY[1]
  end
  local roll = math.random()
  if roll < 0.45 then return common.FREQUENCY[1] end
  if roll < 0.75 then return common.FREQUENCY[2] end
  if roll < 0.9 then return common.FREQUENCY[3] end
  return common.FREQUENCY[4]
end

function common.form_body(fields)
  local parts = {}
  for _, pair in ipairs(fields) do
    table.insert(parts, pair[1] .. "=" .. pair[2])
  end
  return table.concat(parts, "&")
end

return common
