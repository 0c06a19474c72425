"""Private Redis and PostgreSQL instances for the scaled profile (`make run PROFILE=scaled`) and
its tests (marked scaled): Debian's binaries, listening on 127.0.0.1 only, stopped cleanly.

- PostgreSQL: `initdb` + `pg_ctl` in a data folder of its own, unix socket inside that folder
  (mode 0700), TCP on 127.0.0.1:<port>, password authentication (scram-sha-256) for every
  connection, the password generated once and kept in a 0600 file beside the data, never logged
  and never on a command line. PostgreSQL refuses to run as root: as root its commands run as
  Debian's `postgres` user (runuser) and its folder belongs to that user.
- Redis: `redis-server` with a 0600 config file (`requirepass`, bound to 127.0.0.1, no RDB
  snapshot, no append-only file: the lock store holds only short-lived locks, nothing on disk).

`BackingServices.environment()` is what Rasa's endpoints file (deploy/endpoints.scaled.yml)
reads through `${VAR}` substitution: REDIS_HOST/PORT/DB/PASSWORD and
POSTGRES_HOST/PORT/DB/USER/PASSWORD.
"""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HOST = "127.0.0.1"
DEFAULT_REDIS_PORT = 6379
DEFAULT_POSTGRES_PORT = 5432
DATABASE = "conversations"
DB_USER = "rasa"
START_TIMEOUT_S = 60


class BackingServiceError(RuntimeError):
    pass


def postgres_bin_dir() -> Optional[Path]:
    """The newest /usr/lib/postgresql/<version>/bin that has initdb and pg_ctl, if any."""
    found = [
        Path(p).parent
        for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")
        if Path(p).with_name("pg_ctl").exists()
    ]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0, default=None)


def redis_server_binary() -> Optional[str]:
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None
    )


def missing_binaries() -> list[str]:
    """What `make scaled-deps` would install and is not here yet (empty: all present)."""
    missing = []
    if redis_server_binary() is None:
        missing.append("redis-server")
    if postgres_bin_dir() is None:
        missing.append("PostgreSQL (initdb, pg_ctl in /usr/lib/postgresql/*/bin)")
    return missing


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _write_private(path: Path, text: str) -> None:
    """Create or replace a file readable by its owner only (written after the chmod)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(text)


def default_postgres_dir(state_dir: Path) -> Path:
    """Where PostgreSQL's folder lives for `state_dir`.

    Normally state_dir/postgres. As root, the database runs as the `postgres` user, which may not
    pass through the repository's var/ (mode 0700, it guards conversations.db), so the folder
    is in that user's home instead, named after state_dir.
    """
    if not _running_as_root():
        return state_dir / "postgres"
    home = Path(pwd.getpwnam("postgres").pw_dir)
    digest = hashlib.sha256(str(state_dir.resolve()).encode()).hexdigest()[:12]
    return home / f"safeguarding-scaled-{digest}"


@dataclass
class PrivatePostgres:
    folder: Path  # holds data/, postgres.log; owned by the user PostgreSQL runs as
    secret_file: Path  # the password, 0600, owned by whoever starts the services
    port: int = DEFAULT_POSTGRES_PORT
    database: str = DATABASE
    user: str = DB_USER
    _password: Optional[str] = field(default=None, repr=False)
    started: bool = False

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def password(self) -> str:
        if self._password is None:
            raise BackingServiceError("PostgreSQL has not been started")
        return self._password

    def _as_postgres(self, command: list[str]) -> list[str]:
        if _running_as_root():
            return ["runuser", "-u", "postgres", "--", *command]
        return command

    def _run(self, command: list[str]) -> None:
        result = subprocess.run(
            self._as_postgres(command),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=START_TIMEOUT_S,
        )
        if result.returncode != 0:
            tail = "\n".join(result.stdout.strip().splitlines()[-8:])
            raise BackingServiceError(f"{Path(command[0]).name} failed:\n{tail}")

    def _prepare_folder(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        if _running_as_root():
            account = pwd.getpwnam("postgres")
            os.chown(self.folder, account.pw_uid, account.pw_gid)

    def _init_cluster(self, bin_dir: Path) -> None:
        self._password = secrets.token_urlsafe(24)
        # initdb reads the superuser's password from a file; it lives in PostgreSQL's own 0700
        # folder only for the seconds initdb runs
        pwfile = self.folder / ".initdb-password"
        _write_private(pwfile, self._password + "\n")
        if _running_as_root():
            account = pwd.getpwnam("postgres")
            os.chown(pwfile, account.pw_uid, account.pw_gid)
        try:
            self._run(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    self.user,
                    f"--pwfile={pwfile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-instructions",
                ]
            )
        finally:
            pwfile.unlink(missing_ok=True)
        _write_private(self.secret_file, self._password + "\n")

    def start(self) -> None:
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise BackingServiceError("PostgreSQL is not installed: run `make scaled-deps`")
        self._prepare_folder()
        if (self.data / "PG_VERSION").exists():
            if not self.secret_file.exists():
                raise BackingServiceError(
                    f"{self.secret_file} is missing, so the existing database in {self.data} "
                    "cannot be opened; delete that folder to start with an empty one"
                )
            self._password = self.secret_file.read_text().strip()
        else:
            self._init_cluster(bin_dir)
        options = " ".join(
            [
                f"-c listen_addresses={HOST}",
                f"-p {self.port}",
                f"-c unix_socket_directories={self.folder}",
                # statements (which carry sender ids and message text) never reach the server log
                "-c log_min_error_statement=panic",
                "-c log_error_verbosity=terse",
                "-c log_connections=off",
                "-c log_disconnections=off",
            ]
        )
        self._run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "postgres.log"),
                "-o",
                options,
                "-w",
                "-t",
                str(START_TIMEOUT_S),
                "start",
            ]
        )
        self.started = True
        self._create_database()

    def connect(self, database: Optional[str] = None):
        import psycopg2

        return psycopg2.connect(
            host=HOST,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=database or self.database,
            connect_timeout=10,
        )

    def _create_database(self) -> None:
        connection = self.connect("postgres")
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.database,))
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{self.database}"')
        finally:
            connection.close()

    def stop(self) -> None:
        if not self.started:
            return
        bin_dir = postgres_bin_dir()
        assert bin_dir is not None
        self._run([str(bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])
        self.started = False

    def environment(self) -> dict[str, str]:
        return {
            "POSTGRES_HOST": HOST,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_DB": self.database,
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
        }


@dataclass
class PrivateRedis:
    folder: Path
    port: int = DEFAULT_REDIS_PORT
    _password: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    process: Optional[subprocess.Popen] = None

    def start(self) -> None:
        binary = redis_server_binary()
        if binary is None:
            raise BackingServiceError("redis-server is not installed: run `make scaled-deps`")
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        config = self.folder / "redis.conf"
        _write_private(
            config,
            "\n".join(
                [
                    f"bind {HOST}",
                    f"port {self.port}",
                    "protected-mode yes",
                    'save ""',
                    "appendonly no",
                    f"dir {self.folder}",
                    f"logfile {self.folder / 'redis.log'}",
                    "daemonize no",
                    f"requirepass {self._password}",
                    "",
                ]
            ),
        )
        self.process = subprocess.Popen(
            [binary, str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._answers():
            if self.process.poll() is not None:
                raise BackingServiceError(
                    f"redis-server stopped while starting (see {self.folder / 'redis.log'})"
                )
            if time.monotonic() > deadline:
                self.stop()
                raise BackingServiceError("redis-server did not answer in time")
            time.sleep(0.1)

    def _answers(self) -> bool:
        import redis

        try:
            return bool(
                redis.Redis(host=HOST, port=self.port, password=self._password, socket_timeout=1).ping()
            )
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def environment(self) -> dict[str, str]:
        return {
            "REDIS_HOST": HOST,
            "REDIS_PORT": str(self.port),
            "REDIS_DB": "1",
            "REDIS_PASSWORD": self._password,
        }


REDIS_SETTINGS = ("REDIS_HOST", "REDIS_PORT", "REDIS_DB", "REDIS_PASSWORD")
POSTGRES_SETTINGS = ("POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD")


@dataclass
class BackingServices:
    """Redis + PostgreSQL for one run; state_dir holds the Redis files and the password file.

    `with_redis` / `with_postgres` False: that one is external (its REDIS_* / POSTGRES_*
    settings come from the environment) and is neither started nor stopped here.
    """

    state_dir: Path
    redis_port: int = DEFAULT_REDIS_PORT
    postgres_port: int = DEFAULT_POSTGRES_PORT
    postgres_dir: Optional[Path] = None
    with_redis: bool = True
    with_postgres: bool = True
    redis: PrivateRedis = field(init=False)
    postgres: PrivatePostgres = field(init=False)

    def __post_init__(self) -> None:
        self.redis = PrivateRedis(self.state_dir / "redis", self.redis_port)
        self.postgres = PrivatePostgres(
            self.postgres_dir or default_postgres_dir(self.state_dir),
            self.state_dir / "postgres.password",
            self.postgres_port,
        )

    @classmethod
    def for_environment(cls, state_dir: Path, environ: dict[str, str]) -> "BackingServices":
        """The scaled profile's choice: a private Redis unless REDIS_HOST is set, a private
        PostgreSQL unless POSTGRES_HOST is set (then every REDIS_* / POSTGRES_* must be set)."""
        external_redis, external_postgres = (
            bool(environ.get("REDIS_HOST")),
            bool(environ.get("POSTGRES_HOST")),
        )
        for external, names in ((external_redis, REDIS_SETTINGS), (external_postgres, POSTGRES_SETTINGS)):
            missing = [name for name in names if external and name not in environ]
            if missing:
                raise BackingServiceError(
                    f"{names[0]} is set, so these must be set too: {', '.join(missing)} "
                    "(an empty password is allowed)"
                )
        return cls(
            state_dir,
            redis_port=int(environ.get("REDIS_PORT") or DEFAULT_REDIS_PORT),
            postgres_port=int(environ.get("POSTGRES_PORT") or DEFAULT_POSTGRES_PORT),
            with_redis=not external_redis,
            with_postgres=not external_postgres,
        )

    def private_ports(self) -> dict[str, int]:
        ports = {}
        if self.with_redis:
            ports["Redis"] = self.redis_port
        if self.with_postgres:
            ports["PostgreSQL"] = self.postgres_port
        return ports

    def missing_binaries(self) -> list[str]:
        return [
            name
            for name in missing_binaries()
            if (self.with_redis and name.startswith("redis"))
            or (self.with_postgres and name.startswith("PostgreSQL"))
        ]

    def start(self) -> "BackingServices":
        self.state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.state_dir, 0o700)
        try:
            if self.with_redis:
                self.redis.start()
            if self.with_postgres:
                self.postgres.start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        try:
            self.postgres.stop()
        finally:
            self.redis.stop()

    def environment(self) -> dict[str, str]:
        """The REDIS_* / POSTGRES_* settings of the private instances (external ones: none)."""
        env: dict[str, str] = {}
        if self.with_redis:
            env.update(self.redis.environment())
        if self.with_postgres:
            env.update(self.postgres.environment())
        return env

    def write_env_file(self, path: Path, extra: dict[str, str]) -> None:
        """A 0600 `KEY=value` file, e.g. for `set -a; . var/scaled/scaled.env` before a purge."""
        lines = [f"{key}={value}" for key, value in {**self.environment(), **extra}.items()]
        _write_private(path, "\n".join(lines) + "\n")
