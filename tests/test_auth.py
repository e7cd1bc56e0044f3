"""Editors' passwords: stdlib hashes, editors from secrets and the environment, slow-down."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from streek.auth import (
    Throttle,
    check_login,
    editor_emails,
    hash_password,
    load_editors,
    oidc_configured,
    parse_env_editors,
    verify_password,
)

ROOT = Path(__file__).resolve().parents[1]
FAST = {"n": 2 ** 10}


def test_scrypt_and_pbkdf2_hashes_verify_and_differ_per_salt():
    h1, h2 = hash_password("correct paard batterij", **FAST), hash_password("correct paard batterij", **FAST)
    assert h1.startswith("scrypt$1024$8$1$") and h1 != h2
    assert verify_password("correct paard batterij", h1) and verify_password("correct paard batterij", h2)
    assert not verify_password("correct paard batterij!", h1)
    p = hash_password("wachtwoord-123", method="pbkdf2_sha256", iterations=1000)
    assert p.startswith("pbkdf2_sha256$1000$") and verify_password("wachtwoord-123", p)
    assert not verify_password("wachtwoord-124", p)


def test_malformed_hashes_never_sign_in():
    for bad in ("", "plain", "scrypt$x$8$1$a$b", "scrypt$1024$8$1$!!$??", "md5$abc", "pbkdf2_sha256$1$$"):
        assert verify_password("x", bad) is False


def test_editors_from_secrets_and_environment():
    h = hash_password("een-lang-wachtwoord", **FAST)
    env = {"STREEK_EDITORS": f"bert={h}; carla = {h} ;kapot"}
    eds = load_editors({"editors": {"anna": h}}, env)
    assert set(eds) == {"anna", "bert", "carla"}
    assert parse_env_editors("") == {}
    assert editor_emails({"editor_emails": ["Anna@Voka.be"]}, {"STREEK_EDITOR_EMAILS": "b@x.be, "}) == {"anna@voka.be", "b@x.be"}
    assert not oidc_configured({}) and not oidc_configured({"auth": {"redirect_uri": "x"}})
    assert oidc_configured({"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s"}})


def test_wrong_passwords_are_slowed_down_more_each_time():
    now = [1000.0]
    th = Throttle(clock=lambda: now[0])
    eds = {"anna": hash_password("een-lang-wachtwoord", **FAST)}
    waits = []
    for _ in range(4):
        ok, wait, throttled = check_login("anna", "fout", eds, th, "sessie-1")
        assert not ok and not throttled
        waits.append(wait)
        # while waiting, even the right password is not checked
        ok, wait2, throttled = check_login("anna", "een-lang-wachtwoord", eds, th, "sessie-2")
        assert not ok and throttled and wait2 > 0
        now[0] += wait
    assert waits == [1.0, 2.0, 4.0, 8.0]
    ok, _, _ = check_login("anna", "een-lang-wachtwoord", eds, th, "sessie-3")
    assert ok
    # success clears the name's count
    assert check_login("anna", "fout", eds, th, "sessie-3")[1] == 1.0


def test_unknown_names_cost_hashing_time_too():
    th = Throttle()
    eds = {"anna": hash_password("een-lang-wachtwoord")}
    check_login("niemand", "x", eds, Throttle(), "warm")  # builds the dummy hash once
    t0 = time.perf_counter()
    ok, wait, _ = check_login("niemand", "x", eds, th, "s")
    assert not ok and wait == 1.0
    assert time.perf_counter() - t0 > 0.01  # a real scrypt ran


def test_hash_password_command_prints_a_line_for_secrets():
    r = subprocess.run([sys.executable, "-m", "streek", "hash-password", "anna", "--stdin"], cwd=ROOT,
                       input="een-lang-wachtwoord\n", capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    name, _, value = r.stdout.strip().partition(" = ")
    assert name == "anna" and verify_password("een-lang-wachtwoord", value.strip('"'))
    r = subprocess.run([sys.executable, "-m", "streek", "hash-password", "anna", "--stdin"], cwd=ROOT,
                       input="kort\n", capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "minstens" in r.stderr


def test_store_throttle_holds_across_processes(tmp_path):
    """Failures recorded by one process (one `make serve` worker) slow down the next attempt in another."""
    import subprocess
    import sys

    from sqlalchemy import create_engine

    from streek.auth import StoreThrottle
    from streek.db import Store

    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    Store(url)   # migrations, as every worker does at start
    code = ("import sys; from sqlalchemy import create_engine; from streek.auth import StoreThrottle; "
            "t = StoreThrottle(create_engine(sys.argv[1])); print(t.failed('user:anna', 'session:a'))")
    for expected in ("1.0", "2.0", "4.0"):
        out = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True, check=True, timeout=60)
        assert out.stdout.strip() == expected      # the count continues across processes
    here = StoreThrottle(create_engine(url))
    assert here.failed("user:anna", "session:b") == 8.0          # the 4th failure, whichever process saw the others
    assert 7.0 < here.wait_s("user:anna", "session:c") <= 8.0   # another session, same name: waits
    assert here.wait_s("user:bert", "session:d") == 0
    eds = {"anna": hash_password("een-lang-wachtwoord", n=2 ** 10)}
    ok, wait, throttled = check_login("anna", "een-lang-wachtwoord", eds, here, "b")
    assert not ok and throttled and wait > 0                     # refused without checking the password
    here.succeeded("user:anna", "session:a")
    assert StoreThrottle(create_engine(url)).wait_s("user:anna") == 0


def test_sign_in_token_is_signed_and_expires():
    from streek.auth import make_token, read_token
    key, now = b"k" * 32, 1_000_000.0
    token = make_token("anna", key, now=now, ttl=60)
    assert read_token(token, key, now=now + 59) == "anna"
    assert read_token(token, key, now=now + 61) is None            # expired
    assert read_token(token, b"x" * 32, now=now) is None           # another key
    payload, sig = token.split(".")
    other = make_token("bert", key, now=now, ttl=60).split(".")[0]
    assert read_token(f"{other}.{sig}", key, now=now) is None      # a name swapped under the signature
    for bad in ("", "abc", "a.b.c", "....", None):
        assert read_token(bad, key, now=now) is None
    assert "anna" not in token and "=" not in token and ";" not in token   # cookie-safe, no plain name


def test_store_throttle_forgets_old_failures(tmp_path):
    from streek.auth import FORGET_AFTER_S, StoreThrottle
    from streek.db import Store

    now = [1_000_000.0]
    th = StoreThrottle(Store(f"sqlite:///{tmp_path / 's.sqlite'}").engine, clock=lambda: now[0])
    assert [th.failed("user:anna") for _ in range(3)] == [1.0, 2.0, 4.0]
    assert th.wait_s("user:anna") == 4.0
    now[0] += 4.0 + FORGET_AFTER_S + 1
    assert th.failed("session:x") == 1.0     # any new failure clears keys whose wait ended long ago
    assert th.failed("user:anna") == 1.0     # so anna's count restarts
