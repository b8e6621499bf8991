-- End to end in a real editor: Neovim (0.7 or later, headless) runs `crossings lsp` as the
-- language server of a Markdown buffer, as docs/editors.md sets it up, and checks what a
-- writer sees: the diagnostics (lines, columns, severities, messages), a hover naming the
-- outlet, the "Use the sourced figure" code action applied, and the diagnostics after that edit.
--
--   CROSSINGS_BIN=.build/debug/crossings CROSSINGS_NVIM_RESULT=/tmp/r.txt \
--     nvim --headless -u NONE -c 'luafile Tests/Editors/nvim-lsp.lua'
--
-- Exit status 0 when every check passed, 1 otherwise; the result file lists each check.
-- Written for 0.7's API (vim.lsp.start_client, buf_attach_client), which later versions keep.
local bin = os.getenv("CROSSINGS_BIN") or "crossings"
local result_path = os.getenv("CROSSINGS_NVIM_RESULT") or "nvim-lsp-result.txt"
local results, failed = {}, false

local function check(ok, what)
  table.insert(results, (ok and "ok   " or "FAIL ") .. what)
  if not ok then failed = true end
  return ok
end

local function finish()
  local f = io.open(result_path, "w")
  if f then f:write(table.concat(results, "\n") .. "\n"); f:close() end
  vim.cmd(failed and "cquit 1" or "qall!")
end

local ok, err = pcall(function()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_name(buf, dir .. "/draft.md")
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, {
    "# Draft",
    "",
    "In 2024, 13,221 North Koreans entered Russia.",
    "",
    "In 2024, 20,000 North Koreans entered Russia.",
  })
  vim.api.nvim_buf_set_option(buf, "filetype", "markdown")

  local client_id = vim.lsp.start_client({
    name = "crossings",
    cmd = { bin, "lsp" },
    root_dir = dir,
    init_options = { severity = { supported = "hint" } },
  })
  if not check(client_id ~= nil, "the client started") then return end
  vim.lsp.buf_attach_client(buf, client_id)

  local function diagnostics()
    local ds = vim.diagnostic.get(buf)
    table.sort(ds, function(a, b) return a.lnum < b.lnum end)
    return ds
  end
  local function code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end

  check(vim.wait(30000, function() return #vim.diagnostic.get(buf) >= 2 end, 20), "two diagnostics within 30 s")
  local ds = diagnostics()
  if not check(#ds == 2, "exactly two diagnostics (got " .. #ds .. ")") then return end
  check(ds[1].lnum == 2 and ds[1].col == 9 and ds[1].end_col == 15, "13,221 at line 3, columns 9-15")
  check(ds[1].severity == vim.diagnostic.severity.HINT and code(ds[1]) == "supported", "13,221 is a supported hint")
  check(ds[2].lnum == 4 and ds[2].col == 9 and ds[2].end_col == 15, "20,000 at line 5, columns 9-15")
  check(ds[2].severity == vim.diagnostic.severity.ERROR and code(ds[2]) == "contradicted", "20,000 is a contradicted error")
  check(ds[2].message:find('"20,000" (KP-RU 2024 total): KP-RU 2024 total is', 1, true) ~= nil, "the message is check's: " .. ds[2].message:sub(1, 60))
  check(ds[2].source == "crossings", "the source is crossings")

  local uri = vim.uri_from_bufnr(buf)
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover",
    { textDocument = { uri = uri }, position = { line = 4, character = 11 } }, 10000)
  local value = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value or ""
  check(value:find("News1 Global", 1, true) ~= nil, "the hover names the outlet News1 Global")
  check(value:find("contradicted", 1, true) ~= nil, "the hover gives the verdict")

  local answer = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = 4, character = 11 }, ["end"] = { line = 4, character = 11 } },
    context = { diagnostics = {} },
  }, 10000)
  local actions = answer and answer[client_id] and answer[client_id].result or {}
  local use
  for _, a in ipairs(actions) do
    if a.title:find("Use the sourced figure", 1, true) then use = a end
  end
  if not check(use ~= nil and use.title == "Use the sourced figure (13,221, News1 Global)", "the code action is offered: " .. (use and use.title or "none")) then return end
  vim.lsp.util.apply_workspace_edit(use.edit, "utf-16")
  local line = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
  check(line == "In 2024, 13,221 North Koreans entered Russia.", "the number is replaced: " .. line)

  -- The edit went to the server as an incremental change: the error goes away.
  check(vim.wait(10000, function()
    local now = diagnostics()
    return #now == 2 and now[2].severity == vim.diagnostic.severity.HINT
  end, 20), "after the edit, both numbers are supported")

  vim.lsp.stop_client(client_id)
end)
if not ok then check(false, "the script ran: " .. tostring(err)) end
finish()
