-- A visitor sends a whole PHQ-9 on the one-page form, again and again.
--   wrk ... -s one_page.lua -- submit   each request is one completed submission (POST)
--   wrk ... -s one_page.lua -- follow   each submission is followed by the page it leads to
local common = require "common"
local FORM = "/en/check/phq-9/all/"
local threads_started = 0

function setup(thread)
  threads_started = threads_started + 1
  common.assign_visitor(thread, threads_started)
end

function init(args)
  math.randomseed(seed)
  follow = args[1] == "follow"
  origin = "http://" .. wrk.host .. ":" .. wrk.port
end

function request()
  if next_get then
    return wrk.format("GET", next_get, { ["Cookie"] = cookie })
  end
  local fields = { { "csrfmiddlewaretoken", token }, { "submission", common.uuid() } }
  for number = 1, 10 do
    table.insert(fields, { "phq-9-" .. number, common.random_answer(number) })
  end
  local headers = {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["Referer"] = origin .. FORM,
  }
  return wrk.format("POST", FORM, headers, common.form_body(fields))
end

function response(status, headers, body)
  if next_get == nil and follow and status == 302 then
    next_get = common.location(headers)
  else
    next_get = nil
  end
end
