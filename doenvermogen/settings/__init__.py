"""Settings split in base / dev / test / production; each reads the environment."""
