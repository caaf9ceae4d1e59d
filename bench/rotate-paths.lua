-- wrk script (scripts/bench-catalogue.sh): every request asks the next path of the file
-- named by $PATHS_FILE, the threads starting at spread-out places, so a run asks many
-- different pages instead of one (no page cache can answer them all).
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    paths[#paths + 1] = line
  end
  next_index = (thread_number * 4099) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path, { ["accept-encoding"] = "br" })
end
