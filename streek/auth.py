"""Editors and their passwords, without Streamlit (the pages call these functions).

- Hashes: ``scrypt$<n>$<r>$<p>$<salt>$<hash>`` (stdlib :func:`hashlib.scrypt`, base64 without
  padding) and, for systems without scrypt, ``pbkdf2_sha256$<iterations>$<salt>$<hash>``.
  Create one with ``python -m streek hash-password``.
- Editors come from Streamlit secrets (``[editors]`` table: ``name = "scrypt$..."``) and from
  the environment variable ``STREEK_EDITORS`` (``name=hash`` entries separated by ``;``); the
  environment wins for a name in both.
- OpenID Connect (``st.login``) editors are the e-mail addresses in secrets ``editor_emails``
  (a list) or ``STREEK_EDITOR_EMAILS`` (comma-separated).
- Wrong passwords are slowed down: after the n-th failure for the same name *or* the same
  session, the next attempt is refused for ``min(2 ** (n - 1), 60)`` seconds
  (:class:`Throttle` in one process, :class:`StoreThrottle` in the store so that it holds for
  every worker of ``make serve``), and an unknown name costs the same hashing time as a known one.
- Staying signed in across a reload: :func:`make_token` / :func:`read_token` make and check a
  signed, expiring token (HMAC-SHA256) that the app keeps in a cookie; the key comes from
  :func:`signing_key` (``STREEK_SESSION_SECRET``, secrets ``session_secret``, or a random key
  made once and kept in the store, so every worker checks the same signature).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections.abc import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.engine import Engine

from streek.db.engine import write_lock, writer
from streek.db.schema import auth_secret, auth_throttle

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
PBKDF2_ITERATIONS = 600_000
MIN_PASSWORD = 10
MAX_DELAY_S = 60.0
FORGET_AFTER_S = 3600.0        # the store throttle forgets a key an hour after its last wait ended
TOKEN_TTL_S = 8 * 3600          # a signed-in editor stays signed in for a working day


def _b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def hash_password(password: str, *, method: str = "scrypt", n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P,
                  iterations: int = PBKDF2_ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    pw = password.encode("utf-8")
    if method == "scrypt":
        dk = hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)
        return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(dk)}"
    if method == "pbkdf2_sha256":
        dk = hashlib.pbkdf2_hmac("sha256", pw, salt, iterations, dklen=32)
        return f"pbkdf2_sha256${iterations}${_b64(salt)}${_b64(dk)}"
    raise ValueError(f"onbekende methode '{method}' (scrypt of pbkdf2_sha256)")


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; False for a wrong password or a malformed hash."""
    try:
        parts = stored.strip().split("$")
        pw = password.encode("utf-8")
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            salt, want = _unb64(parts[4]), _unb64(parts[5])
            dk = hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=len(want))
        elif parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            salt, want = _unb64(parts[2]), _unb64(parts[3])
            dk = hashlib.pbkdf2_hmac("sha256", pw, salt, int(parts[1]), dklen=len(want))
        else:
            return False
    except (ValueError, TypeError, AttributeError):
        return False
    return hmac.compare_digest(dk, want)


_DUMMY = None


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password(secrets.token_hex(16))
    return _DUMMY


def parse_env_editors(value: str | None) -> dict[str, str]:
    """``"anna=scrypt$...;bert=pbkdf2_sha256$..."`` → {name: hash}."""
    out: dict[str, str] = {}
    for entry in (value or "").replace("\n", ";").split(";"):
        name, sep, h = entry.partition("=")
        if sep and name.strip() and h.strip():
            out[name.strip()] = h.strip()
    return out


def load_editors(secrets_map: Mapping | None = None, environ: Mapping | None = None) -> dict[str, str]:
    env = os.environ if environ is None else environ
    out: dict[str, str] = {}
    section = (secrets_map or {}).get("editors") if secrets_map else None
    if isinstance(section, Mapping):
        out.update({str(k): str(v) for k, v in section.items() if isinstance(v, str)})
    out.update(parse_env_editors(env.get("STREEK_EDITORS")))
    return out


def editor_emails(secrets_map: Mapping | None = None, environ: Mapping | None = None) -> set[str]:
    env = os.environ if environ is None else environ
    out: set[str] = set()
    listed = (secrets_map or {}).get("editor_emails") if secrets_map else None
    if isinstance(listed, list | tuple):
        out |= {str(e).strip().lower() for e in listed if str(e).strip()}
    out |= {e.strip().lower() for e in (env.get("STREEK_EDITOR_EMAILS") or "").split(",") if e.strip()}
    return out


def oidc_configured(secrets_map: Mapping | None) -> bool:
    auth = (secrets_map or {}).get("auth") if secrets_map else None
    return isinstance(auth, Mapping) and bool(auth.get("redirect_uri")) and bool(auth.get("cookie_secret"))


class Throttle:
    """Failed sign-ins per key (a name, a session). Thread-safe; one per process."""

    def __init__(self, clock=time.monotonic, max_delay: float = MAX_DELAY_S):
        self._clock = clock
        self._max = max_delay
        self._fails: dict[str, int] = {}
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait_s(self, *keys: str) -> float:
        """Seconds before the next attempt is allowed for any of ``keys`` (0 = now)."""
        now = self._clock()
        with self._lock:
            return max([0.0] + [self._until.get(k, 0.0) - now for k in keys])

    def failed(self, *keys: str) -> float:
        """Record a failure; return the new waiting time."""
        now = self._clock()
        delay = 0.0
        with self._lock:
            for k in keys:
                n = self._fails.get(k, 0) + 1
                self._fails[k] = n
                d = _delay(n, self._max)
                self._until[k] = now + d
                delay = max(delay, d)
        return delay

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._fails.pop(k, None)
                self._until.pop(k, None)


def _delay(n: int, max_delay: float) -> float:
    return min(2.0 ** (n - 1), max_delay)


class StoreThrottle:
    """:class:`Throttle` kept in the store's ``auth_throttle`` table: failures recorded by one
    worker (process) slow down the next attempt on every other worker. Wall-clock time, because
    the processes share no monotonic clock."""

    def __init__(self, engine: Engine, clock: Callable[[], float] = time.time, max_delay: float = MAX_DELAY_S):
        self.engine = engine
        self._clock = clock
        self._max = max_delay

    def wait_s(self, *keys: str) -> float:
        now = self._clock()
        with self.engine.connect() as conn:
            until = conn.execute(select(auth_throttle.c.until).where(auth_throttle.c.key.in_(keys))).scalars().all()
        return max([0.0] + [u - now for u in until])

    def failed(self, *keys: str) -> float:
        now = self._clock()
        delay = 0.0
        with writer(self.engine).begin() as conn:
            write_lock(conn)
            # forget keys whose last wait ended over an hour ago (the table stays small; the count restarts)
            conn.execute(auth_throttle.delete().where(auth_throttle.c.until < now - FORGET_AFTER_S))
            for k in keys:
                n = (conn.execute(select(auth_throttle.c.fails).where(auth_throttle.c.key == k)).scalar() or 0) + 1
                d = _delay(n, self._max)
                if n == 1:
                    conn.execute(auth_throttle.insert().values(key=k, fails=n, until=now + d))
                else:
                    conn.execute(auth_throttle.update().where(auth_throttle.c.key == k).values(fails=n, until=now + d))
                delay = max(delay, d)
        return delay

    def succeeded(self, *keys: str) -> None:
        with writer(self.engine).begin() as conn:
            write_lock(conn)
            conn.execute(auth_throttle.delete().where(auth_throttle.c.key.in_(keys)))


def shared_secret(engine: Engine, name: str = "session") -> bytes:
    """A random 32-byte key made by the first process that asks and read by all others."""
    with engine.connect() as conn:
        value = conn.execute(select(auth_secret.c.value).where(auth_secret.c.name == name)).scalar()
    if value is None:
        with writer(engine).begin() as conn:
            write_lock(conn)
            value = conn.execute(select(auth_secret.c.value).where(auth_secret.c.name == name)).scalar()
            if value is None:
                value = secrets.token_hex(32)
                conn.execute(auth_secret.insert().values(name=name, value=value))
    return value.encode()


def signing_key(secrets_map: Mapping | None, environ: Mapping | None = None, engine: Engine | None = None) -> bytes:
    """The key that signs sign-in tokens: ``STREEK_SESSION_SECRET``, then secrets
    ``session_secret``, then the store's shared random key; without a store a random key for
    this process only (tokens then hold in this process alone)."""
    env = os.environ if environ is None else environ
    configured = env.get("STREEK_SESSION_SECRET") or (secrets_map or {}).get("session_secret")
    if configured:
        return str(configured).encode()
    if engine is not None:
        return shared_secret(engine)
    return secrets.token_bytes(32)


def make_token(name: str, key: bytes, *, now: float | None = None, ttl: float = TOKEN_TTL_S) -> str:
    """``<payload>.<signature>``: the editor's name and an expiry time, signed with ``key``.
    Only URL/cookie-safe characters; holds no password or secret."""
    expires = int((time.time() if now is None else now) + ttl)
    payload = _b64(json.dumps({"n": name, "e": expires}, separators=(",", ":")).encode())
    return payload + "." + _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())


def read_token(token: str | None, key: bytes, *, now: float | None = None) -> str | None:
    """The editor's name when ``token`` was signed with ``key`` and has not expired; else None."""
    try:
        payload, sig = (token or "").split(".")
        want = hmac.new(key, payload.encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(_unb64(sig), want):
            return None
        data = json.loads(_unb64(payload))
        name, expires = str(data["n"]), float(data["e"])
    except (ValueError, TypeError, KeyError):
        return None
    return name if (time.time() if now is None else now) < expires and name else None


def check_login(name: str, password: str, editors: Mapping[str, str], throttle: Throttle | StoreThrottle,
                session_key: str) -> tuple[bool, float, bool]:
    """(signed in?, seconds to wait before the next attempt, refused because of the wait?).
    While a wait is running the password is not even checked."""
    name = (name or "").strip()
    keys = (f"user:{name.lower()}", f"session:{session_key}")
    wait = throttle.wait_s(*keys)
    if wait > 0:
        return False, wait, True
    stored = editors.get(name)
    ok = verify_password(password or "", stored if stored else _dummy_hash()) and stored is not None
    if ok:
        throttle.succeeded(*keys)
        return True, 0.0, False
    return False, throttle.failed(*keys), False
