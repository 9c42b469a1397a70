"""What the office console's browser tests stand on: a real dc-server (kiosk API and office
console on loopback), real dc-kiosk processes under a private Xvfb, and Debian's Chromium driven by
Selenium. Paths come from the environment CTest sets (DC_SERVER, DC_KIOSK, DC_CATALOG_GEN,
DC_SCREENSHOT_DIR); every wait waits for a condition, with generous caps."""

import os
import shutil
import subprocess
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SERVER = os.environ["DC_SERVER"]
KIOSK = os.environ["DC_KIOSK"]
CATALOG_GEN = os.environ["DC_CATALOG_GEN"]
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


class Office:
    """A dc-server with the kiosks' seed catalog, staff accounts, and its two listeners."""

    def __init__(self, backend_db=None):
        self.dir = tempfile.mkdtemp(prefix="dc-console-")
        self.db = backend_db or os.path.join(self.dir, "server.db")
        seed = os.path.join(self.dir, "seed.jsonl")
        subprocess.run([CATALOG_GEN, "--kiosk-seed", "--out", seed], check=True)
        self.admin(["import", seed])
        for name, role, password in [("Nino", "caseworker", "nino password 1"), ("Giorgi", "coordinator", "giorgi password 1"),
                                     ("Admin", "admin", "admin password 1")]:
            self.admin(["user", "add", "--name", name, "--role", role, "--password-stdin"], stdin=password + "\n")
        api_port, office_port = os.path.join(self.dir, "api.port"), os.path.join(self.dir, "office.port")
        self.process = subprocess.Popen([SERVER, "serve", "--db", self.db, "--listen", "127.0.0.1:0", "--port-file", api_port,
                                         "--office-listen", "127.0.0.1:0", "--office-port-file", office_port, "--quiet"],
                                        stderr=subprocess.DEVNULL)
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
    """A dc-kiosk enrolled at the office, running a script (see app/ui/automation_script.hpp)."""

    def __init__(self, display, office, name, script):
        self.dir = tempfile.mkdtemp(prefix="dc-kiosk-")
        path = os.path.join(self.dir, "test.script")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        self.process = subprocess.Popen([KIOSK, "--data-dir", os.path.join(self.dir, "data"), "--server", office.api,
                                         "--enroll-token", office.token(), "--sync-interval", "2", "--step-timeout", "180",
                                         "--script", path],
                                        env=dict(os.environ, DISPLAY=display.display), stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)

    def finish(self):
        output, _ = self.process.communicate(timeout=900)
        shutil.rmtree(self.dir, ignore_errors=True)
        if self.process.returncode != 0:
            raise AssertionError("the kiosk's script failed:\n" + output)
        return output


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
