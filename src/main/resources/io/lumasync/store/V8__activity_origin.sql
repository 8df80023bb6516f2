-- Which door started the work an activity line tells of: '' for the desktop app, the CLI and the daemon (as
-- before), 'mcp' for an AI assistant through `lumasync mcp`. The Activity pane and `lumasync activity` show it.
ALTER TABLE activity ADD COLUMN origin TEXT NOT NULL DEFAULT '';
