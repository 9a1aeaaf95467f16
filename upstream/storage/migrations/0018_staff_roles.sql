-- Staff accounts get roles: a technician cares for terminals (slots, remote
-- care), a supervisor reads the figures and closes 好差评 cases. Accounts made
-- before roles could do both, and keep both.
ALTER TABLE staff_account ADD COLUMN roles TEXT NOT NULL DEFAULT 'supervisor,technician';
