"""Start the test identity provider: migrate a fresh SQLite file, seed, serve (one process).

python -m tests.sso.idp.run PORT USERS_JSON [DB_FILE]
"""

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator


def command(port: int, users_file: str, db_file: str, **extra_env: str) -> tuple[list, dict]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.sso.idp.settings",
        "DV_IDP_DB": db_file,
        "DV_IDP_ISSUER": f"http://127.0.0.1:{port}/o",
        "DV_IDP_USERS": users_file,
        **extra_env,
    }
    env.pop("DATABASE_URL", None)
    return [sys.executable, "-m", "django"], env


def prepare(port: int, users_file: str, db_file: str, **extra_env: str) -> dict:
    base, env = command(port, users_file, db_file, **extra_env)
    subprocess.run([*base, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*base, "idp_seed"], env=env, check=True)
    return env


@contextlib.contextmanager
def serving(port: int, users_file: str, db_file: str, **extra_env: str) -> Iterator[str]:
    """Prepare and run the provider on ``port`` while the block runs; yields the issuer URL."""
    import requests

    env = prepare(port, users_file, db_file, **extra_env)
    base, _ = command(port, users_file, db_file, **extra_env)
    process = subprocess.Popen(
        [*base, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    issuer = f"http://127.0.0.1:{port}/o"
    try:
        for _ in range(300):
            try:
                if requests.get(issuer + "/.well-known/openid-configuration", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.05)
        else:
            raise RuntimeError("test identity provider did not start")
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> None:
    port = int(sys.argv[1])
    users_file = sys.argv[2]
    db_file = sys.argv[3] if len(sys.argv) > 3 else tempfile.mktemp(suffix=".sqlite3")
    env = prepare(port, users_file, db_file)
    base, _ = command(port, users_file, db_file)
    os.execvpe(base[0], [*base, "runserver", f"127.0.0.1:{port}", "--noreload"], env)


if __name__ == "__main__":
    main()
