"""What the office console's browser tests stand on: a real dc-server (kiosk API and office
console on loopback), real dc-kiosk processes under a private Xvfb, and Debian's Chromium driven by
Selenium; the SMS gateway's stand-in (an HTTP server keeping what it is sent); and, for the
PostgreSQL runs, a private PostgreSQL cluster. Paths come from the environment CTest sets
(DC_SERVER, DC_KIOSK, DC_CATALOG_GEN, DC_SCREENSHOT_DIR; DC_CONSOLE_BACKEND=postgres for PostgreSQL);
every wait waits for a condition, with generous caps."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SERVER = os.environ["DC_SERVER"]
KIOSK = os.environ["DC_KIOSK"]
CATALOG_GEN = os.environ["DC_CATALOG_GEN"]
SEED_OUTCOMES = os.environ["DC_SEED_OUTCOMES"]
SHOTS = os.environ.get("DC_SCREENSHOT_DIR", "")
WAIT = 120  # seconds: a cap for a failing run, not a pace


def wait_until(condition, what, limit=WAIT):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


class SmsFake:
    """The SMS gateway's stand-in: an HTTP server on loopback that keeps every text posted to it."""

    def __init__(self):
        self.texts = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                fake.texts.append(json.loads(self.rfile.read(length).decode("utf-8")))
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/sms" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """A private PostgreSQL 15 cluster on loopback (owned by the postgres user when run as root)."""

    BIN = "/usr/lib/postgresql/15/bin/"

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="dc-console-pg-")
        self.data = os.path.join(self.dir, "data")
        os.makedirs(self.data)
        self.prefix = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            self.prefix = ["runuser", "-u", "postgres", "--"]
            os.chmod(self.dir, 0o755)
            shutil.chown(self.data, "postgres")
        subprocess.run(self.prefix + [self.BIN + "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync",
                                      "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        port = free_port()
        options = "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off" % (port, self.data)
        subprocess.run(self.prefix + [self.BIN + "pg_ctl", "-D", self.data, "-o", options, "-w", "-l",
                                      os.path.join(self.data, "log"), "start"], check=True, capture_output=True)
        self.conninfo = "host=127.0.0.1 port=%d user=postgres dbname=postgres" % port

    def close(self):
        subprocess.run(self.prefix + [self.BIN + "pg_ctl", "-D", self.data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


class Office:
    """A dc-server with the kiosks' seed catalog, staff accounts, its two listeners, and texts
    going to `sms` (a SmsFake) when given."""

    def __init__(self, backend_db=None, sms=None, first_courses=None):
        self.dir = tempfile.mkdtemp(prefix="dc-console-")
        self.db = backend_db or os.path.join(self.dir, "server.db")
        seed = os.path.join(self.dir, "seed.jsonl")
        subprocess.run([CATALOG_GEN, "--kiosk-seed", "--out", seed], check=True)
        if first_courses:
            # Before the seed: a kiosk pulling the catalog has these as soon as it has anything.
            path = os.path.join(self.dir, "first.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(first_courses(seed))
            self.admin(["import", path])
        self.admin(["import", seed])
        for name, role, password in [("Nino", "caseworker", "nino password 1"), ("Giorgi", "coordinator", "giorgi password 1"),
                                     ("Admin", "admin", "admin password 1")]:
            self.admin(["user", "add", "--name", name, "--role", role, "--password-stdin"], stdin=password + "\n")
        api_port, office_port = os.path.join(self.dir, "api.port"), os.path.join(self.dir, "office.port")
        command = [SERVER, "serve", "--db", self.db, "--listen", "127.0.0.1:0", "--port-file", api_port,
                   "--office-listen", "127.0.0.1:0", "--office-port-file", office_port, "--quiet"]
        if sms:
            command += ["--sms-gateway", sms.url]
        self.process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        wait_until(lambda: os.path.exists(api_port) and os.path.exists(office_port), "dc-server to listen")
        with open(api_port) as f:
            self.api = "http://127.0.0.1:" + f.read().strip()
        with open(office_port) as f:
            self.console = "http://127.0.0.1:" + f.read().strip() + "/office/"

    def admin(self, args, stdin=None):
        done = subprocess.run([SERVER] + [args[0], "--db", self.db] + args[1:], input=stdin, text=True,
                              capture_output=True)
        if done.returncode != 0:
            raise AssertionError("dc-server " + " ".join(args) + ": " + done.stderr)
        return done.stdout

    def token(self):
        return self.admin(["token"]).strip().splitlines()[0]

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


class Display:
    """A private Xvfb for the kiosks."""

    def __init__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        with os.fdopen(read, "rb") as pipe:
            while not number.endswith(b"\n"):
                c = pipe.read(1)
                if not c:
                    break
                number += c
        self.display = ":" + number.decode().strip()

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class Kiosk:
    """A dc-kiosk enrolled at the office, running a script (see app/ui/automation/automation_script.hpp)."""

    def __init__(self, display, office, name, script, demo=True, data_dir=None):
        # With data_dir, the same kiosk again (its database and identity kept for the caller).
        self.keep = data_dir is not None
        self.dir = data_dir or tempfile.mkdtemp(prefix="dc-kiosk-")
        path = os.path.join(self.dir, "test.script")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        self.process = subprocess.Popen([KIOSK, "--data-dir", os.path.join(self.dir, "data"), "--server", office.api,
                                         "--enroll-token", office.token(), "--short-timings-for-tests", "--sync-interval", "2", "--step-timeout", "180",
                                         "--script", path] + ([] if demo else ["--no-demo"]),
                                        env=dict(os.environ, DISPLAY=display.display), stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)

    def finish(self):
        output, _ = self.process.communicate(timeout=900)
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        if self.process.returncode != 0:
            raise AssertionError("the kiosk's script failed:\n" + output)
        return output


class RunningKiosk:
    """A dc-kiosk enrolled at the office, left running (no script), its log lines kept."""

    def __init__(self, display, office):
        self.dir = tempfile.mkdtemp(prefix="dc-kiosk-")
        self.lines = []
        self.process = subprocess.Popen([KIOSK, "--data-dir", os.path.join(self.dir, "data"), "--server", office.api,
                                         "--enroll-token", office.token(), "--short-timings-for-tests", "--sync-interval", "2"],
                                        env=dict(os.environ, DISPLAY=display.display), stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def said(self, text):
        return any(text in line for line in self.lines)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self.process.stdout.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,768", "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sign_in(driver, office, name, password):
    driver.get(office.console + "login?lang=en")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    WebDriverWait(driver, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "header nav")))


def shot(driver, name):
    if SHOTS:
        driver.save_screenshot(os.path.join(SHOTS, name))
