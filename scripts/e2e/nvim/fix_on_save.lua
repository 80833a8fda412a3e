-- Fix-on-save check in a headless Neovim (0.7 or newer).
--
-- Loads the user configuration in $TLSGUARD_E2E_CONFIG (a snippet from docs/editors.md),
-- opens $TLSGUARD_E2E_FILE so that the snippet's FileType autocommand starts tlsguard, waits
-- for the first diagnostics, then runs :write, which triggers the snippet's BufWritePre fix.
-- Prints JSON lines on stdout (events `diagnostic`, `diagnostics`, `written`, `result`) in the
-- format of the LSP client harnesses. Exit status: 0 ok, 1 failure, 2 timeout.
--
-- Run as: nvim --headless -u NONE -i NONE -n -c 'luafile fix_on_save.lua'

local timeout_ms = tonumber(os.getenv('TLSGUARD_E2E_TIMEOUT') or '60') * 1000
local config = os.getenv('TLSGUARD_E2E_CONFIG')
local file = os.getenv('TLSGUARD_E2E_FILE')

local function emit(event)
  event.client = 'nvim'
  io.stdout:write(vim.json.encode(event), '\n')
  io.stdout:flush()
end

local function finish(code, status, extra)
  local event = extra or {}
  event.event, event.status, event.exit = 'result', status, code
  emit(event)
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    client.stop()
  end
  vim.wait(5000, function()
    return #vim.lsp.get_active_clients() == 0
  end, 20)
  vim.cmd('cquit ' .. code)
end

if not config or not file then
  io.stderr:write('set TLSGUARD_E2E_CONFIG and TLSGUARD_E2E_FILE\n')
  vim.cmd('cquit 64')
end
file = vim.fn.fnamemodify(file, ':p')

-- Count publishDiagnostics for the file without changing how Neovim stores them.
local published = 0
local exited
local store = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, handler_config)
  if result and vim.uri_to_fname(result.uri) == file then
    published = published + 1
  end
  return store(err, result, ctx, handler_config)
end

-- -u NONE turns filetype detection off; a normal start has it on.
vim.cmd('filetype on')
dofile(config)
vim.cmd('silent edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()

local ok = vim.wait(timeout_ms, function()
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    if client.is_stopped() then
      exited = client.name
    end
  end
  return exited ~= nil or published > 0
end, 20)
if exited then
  finish(1, 'server-exited', { server = exited })
end
if not ok then
  finish(2, 'timeout', { waiting_for = 'publishDiagnostics' })
end

local stored = vim.diagnostic.get(bufnr)
table.sort(stored, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
for _, d in ipairs(stored) do
  local lsp = (d.user_data or {}).lsp or {}
  local range = lsp.range
    or { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
  emit({ event = 'diagnostic', phase = 'initial', file = file,
         line = range.start.line, character = range.start.character,
         endLine = range['end'].line, endCharacter = range['end'].character,
         severity = d.severity, code = lsp.code, source = d.source, message = d.message,
         kind = (lsp.data or {}).kind })
end
emit({ event = 'diagnostics', phase = 'initial', file = file, count = #stored })

-- :write writes an unmodified buffer too, and BufWritePre runs first.
vim.cmd('silent write')
emit({ event = 'written', file = file })
finish(0, 'ok', { diagnostics = #stored })
