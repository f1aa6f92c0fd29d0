-- A visitor answers the PHQ-9 one question per screen, as on a phone, and sees the result:
-- the questionnaire page, Start, ten answers (each a POST and a redirect), then the result.
local common = require "common"
local threads_started = 0

function setup(thread)
  threads_started = threads_started + 1
  common.assign_visitor(thread, threads_started)
end

function init(args)
  math.randomseed(seed)
  origin = "http://" .. wrk.host .. ":" .. wrk.port
  step = "about"
end

local function post(path, fields)
  local headers = {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["Referer"] = origin .. path,
  }
  table.insert(fields, 1, { "csrfmiddlewaretoken", token })
  return wrk.format("POST", path, headers, common.form_body(fields))
end

function request()
  if step == "about" then
    return wrk.format("GET", "/en/check/phq-9/", { ["Cookie"] = cookie })
  elseif step == "start" then
    return post("/en/check/phq-9/start/", {})
  elseif step == "answer" then
    return post("/en/check/phq-9/" .. number .. "/", { { "answer", common.random_answer(number) } })
  end
  return wrk.format("GET", step, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if step == "about" then
    step = "start"
  elseif step == "start" or step == "answer" then
    -- Go where the site sends us: the next question, crisis help, or the result.
    local location = common.location(headers) or ""
    number = tonumber(string.match(location, "/phq%-9/(%d+)/$") or "0")
    if number > 0 then
      step = "answer"
    elseif location ~= "" then
      step = location
    else
      step = "about"
    end
  elseif string.find(step, "/safety/", 1, true) then
    step = "/en/check/phq-9/result/"  -- after crisis help, the result
  else
    step = "about"  -- the result ends one questionnaire; start the next
  end
end
