"""The office console in a real browser, with real kiosks: an application made at kiosk A gets a
caseworker's decision that kiosk B shows for its code in Georgian, and the person's phone gets the
same words in Georgian; a coordinator cancels a course place and the waiting list moves up, seen at
a kiosk; a kiosk's Call a clerk reaches the calls board, is taken, and the kiosk says who is coming; a job
feed uploaded with one expired and one broken posting is reported so, and the expired one leaves a
kiosk that had it; the reports page draws eight weeks of outcomes. Run on SQLite, and on PostgreSQL with DC_CONSOLE_BACKEND=postgres."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import WAIT

# She asks for a text message, and sends in Georgian: the office answers her in Georgian.
APPLY = ('tap "Find a job"\ntype "junior qa"\nexpect "Junior QA tester"\ntap "Junior QA tester"\n'
         'tap "Apply for this job"\ntap "Your name"\ntype "Nino Beridze"\ntap "Phone number"\ntype "599 12 34 56"\n'
         'tap "Done"\ntap "I agree"\ntap "Also send me a text message (SMS) when the office answers"\n'
         'expect "A text message will come to your phone (touch to undo)"\ntap "Next: check and send"\nlanguage ka\n'
         'tap "გაგზავნა"\nlanguage en\nexpect "Your reference code"\nexpect "Delivered to the employment office."\ntap "Finish"\n')

COURSE = "Computer basics for parents"


def ask_for_place(name, phone, waitlist):
    # A kiosk with only the office's catalog: once a search finds a job, the course (pulled before
    # any job) is there too.
    return ('tap "Find a job"\ntype "junior qa"\nexpect "Junior QA tester"\ntap "Home"\ntap "Courses"\n'
            'tap "' + COURSE + '"\ntap "' + ("Join the waiting list" if waitlist else "Ask for this place") +
            '"\ntap "Your name"\ntype "' + name + '"\ntap "Phone number"\ntype "' + phone + '"\ntap "Done"\ntap "I agree"\n'
            'tap "Also send me a text message (SMS) when the office answers"\ntap "Next: check and send"\n'
            'tap "Ask for this place"\n' + ('expect "You are on the waiting list, place 1."\n' if waitlist else
                                             'expect "Your place is confirmed."\n') +
            'expect "Delivered to the employment office."\ntap "Finish"\n')


def one_seat_course(seed):
    """A course listed first at the kiosks (its date a year before every other), with one seat."""
    with open(seed, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    starts = [s["startDate"] for line in lines if line["kind"] == "course"
              for s in line["record"].get("hasCourseInstance") or [] if s.get("startDate")]
    earliest = min(starts)
    course = next(line for line in lines if line["kind"] == "course")
    course["record"]["id"] = "walk-course"
    course["record"]["name"] = COURSE
    session = dict(course["record"]["hasCourseInstance"][0])
    session.update({"id": "walk-session", "startDate": str(int(earliest[:4]) - 1) + earliest[4:], "maximumAttendeeCapacity": 1,
                    "seatsTaken": 0})
    course["record"]["hasCourseInstance"] = [session]
    return json.dumps(course, ensure_ascii=False) + "\n"


class ConsoleTest(unittest.TestCase):
    def setUp(self):
        # Each part is stopped even when a later one fails to start.
        self.sms = harness.SmsFake()
        self.addCleanup(self.sms.close)
        db = None
        if os.environ.get("DC_CONSOLE_BACKEND") == "postgres":
            pg = harness.Postgres()
            self.addCleanup(pg.close)
            db = pg.conninfo
        self.office = harness.Office(db, self.sms, one_seat_course)
        self.addCleanup(self.office.close)
        self.display = harness.Display()
        self.addCleanup(self.display.close)
        self.driver = harness.browser()
        self.addCleanup(self.driver.quit)

    def test_a_decision_reaches_the_person_at_another_kiosk_in_georgian(self):
        harness.Kiosk(self.display, self.office, "A", APPLY).finish()

        d = self.driver
        harness.sign_in(d, self.office, "Nino", "nino password 1")
        # The inbox lists the application.
        row = WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main table tbody tr")))
        self.assertIn("Nino Beridze", row.text)
        self.assertIn("Junior QA tester", row.text)
        harness.shot(d, "console-inbox-en.png")
        code = row.find_element(By.CSS_SELECTOR, "a").text
        row.find_element(By.CSS_SELECTOR, "a").click()

        # Invite to an interview, with a date and place and a message in Georgian.
        Select(d.find_element(By.ID, "decision")).select_by_value("invited")
        d.find_element(By.ID, "detail").send_keys("2026-12-08 10:00, Rustaveli Ave 12, room 4")
        d.find_element(By.ID, "message").send_keys("გთხოვთ, თან იქონიოთ პასპორტი.")
        harness.shot(d, "console-decision-en.png")
        d.find_element(By.CSS_SELECTOR, "form.card input[type=submit]").click()
        notice = WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.notice")))
        self.assertIn("Saved", notice.text)
        self.assertIn("Invited to an interview", d.find_element(By.TAG_NAME, "h2").text)
        history = d.find_element(By.CSS_SELECTOR, "ol").text
        self.assertIn("Nino", history)
        self.assertIn("Rustaveli", history)

        # Kiosk B, another kiosk of the office, asks the office about the code: Georgian words.
        check = ('tap "My applications"\ntap "Reference code (6 letters and digits)"\ntype "' + code.lower().replace("-", " ") +
                 '"\ntap "Done"\ntap "Check"\nexpect "You are invited to an interview."\nlanguage ka\n'
                 'expect "მოწვეული ხართ გასაუბრებაზე."\nexpect "გთხოვთ, თან იქონიოთ პასპორტი."\nexpect "Rustaveli"\n'
                 'expect "შეტყობინება ოფისიდან:"\n')
        if harness.SHOTS:
            check += "screenshot " + harness.SHOTS + "/status-from-office-ka.png\n"
        harness.Kiosk(self.display, self.office, "B", check).finish()

        # Her phone got the same words, in Georgian.
        texts = harness.wait_until(lambda: self.sms.texts, "the text message to reach the SMS gateway")
        self.assertEqual(len(texts), 1)
        self.assertEqual(texts[0]["to"], "599123456")  # the number as she typed it, spaces gone
        self.assertIn("მოწვეული ხართ გასაუბრებაზე.", texts[0]["text"])
        self.assertIn("გთხოვთ, თან იქონიოთ პასპორტი.", texts[0]["text"])
        self.assertIn(code, texts[0]["text"])
        d.refresh()
        self.assertIn("599123456", d.find_element(By.CSS_SELECTOR, "ul.texts").text)

        # The decision and the opening of the record are in the audit log, which an admin reads.
        d.find_element(By.CSS_SELECTOR, "header form button").click()  # sign out (a POST with the CSRF token)
        WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.ID, "password")))
        harness.sign_in(d, self.office, "Admin", "admin password 1")
        d.get(self.office.console + "audit")
        audit = d.find_element(By.TAG_NAME, "table").text
        self.assertIn("decision", audit)
        self.assertIn("record.view", audit)

    def test_a_course_place_cancelled_moves_the_waiting_list_up_seen_at_a_kiosk(self):
        d = self.driver
        harness.Kiosk(self.display, self.office, "A", ask_for_place("Giorgi Kapanadze", "555 11 22 33", False), demo=False).finish()
        harness.sign_in(d, self.office, "Giorgi", "giorgi password 1")  # the coordinator
        d.get(self.office.console + "?kind=enrollment")
        WebDriverWait(d, WAIT).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main table"), "Giorgi Kapanadze"))
        # The seat is taken at the office: a new kiosk offers only the waiting list.
        harness.Kiosk(self.display, self.office, "B", ask_for_place("Olga Petrova", "29 123 45 67", True), demo=False).finish()
        d.get(self.office.console + "?kind=enrollment&status=waitlisted")
        row = WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main table tbody tr")))
        self.assertIn("Olga Petrova", row.text)
        waiting_code = row.find_element(By.CSS_SELECTOR, "a").text

        # The coordinator cancels Giorgi's place, with a message.
        d.get(self.office.console + "?kind=enrollment&status=confirmed")
        WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main table tbody tr a"))).click()
        Select(d.find_element(By.ID, "decision")).select_by_value("cancelled")
        d.find_element(By.ID, "message").send_keys("The course organiser could not reach you.")
        d.find_element(By.CSS_SELECTOR, "form.card input[type=submit]").click()
        WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.notice")))
        self.assertIn("Cancelled", d.find_element(By.TAG_NAME, "h2").text)

        # Olga has the seat now: her record says so, with who did it.
        d.get(self.office.console + "?kind=enrollment&status=confirmed")
        row = WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main table tbody tr")))
        self.assertIn("Olga Petrova", row.text)
        row.find_element(By.CSS_SELECTOR, "a").click()
        history = WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol"))).text
        self.assertIn("Given a seat from the waiting list", history)
        self.assertIn("Giorgi", history)
        harness.shot(d, "console-course-place-en.png")

        # Any kiosk asked about her code says her place is confirmed; her phone heard it too.
        check = ('tap "My applications"\ntap "Reference code (6 letters and digits)"\ntype "' + waiting_code.lower().replace("-", " ") +
                 '"\ntap "Done"\ntap "Check"\nexpect "Your place is confirmed."\nexpect "Answer from the employment office, just now."\n')
        harness.Kiosk(self.display, self.office, "C", check).finish()
        texts = harness.wait_until(lambda: [t for t in self.sms.texts if waiting_code in t["text"]], "Olga's text message")
        self.assertIn("Your place is confirmed.", texts[0]["text"])
        self.assertEqual(texts[0]["to"], "291234567")

    def test_a_coordinator_adds_a_course_with_two_sessions_and_a_kiosk_shows_it(self):
        d = self.driver
        harness.sign_in(d, self.office, "Giorgi", "giorgi password 1")
        d.get(self.office.console + "catalog?add=1")
        name = "Digital skills for parents on leave"
        d.find_element(By.ID, "name").send_keys(name)
        Select(d.find_element(By.ID, "format")).select_by_value("blended")
        Select(d.find_element(By.ID, "language")).select_by_value("ka")
        d.find_element(By.NAME, "group_parental_leave").click()
        d.find_element(By.ID, "cost").send_keys("0")
        for i, (day, venue) in enumerate([("2025-10-01", "Rustaveli Ave 12, room 4"), ("2025-10-15", "Tsereteli St 3")]):
            # A date field's typing depends on the browser's locale: the value is set as the field holds it.
            d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "s%d_start" % i), day)
            d.find_element(By.ID, "s%d_venue" % i).send_keys(venue)
            d.find_element(By.ID, "s%d_seats" % i).send_keys("12")
        harness.shot(d, "console-course-form-en.png")
        d.find_element(By.CSS_SELECTOR, "form.card input[type=submit]").click()
        WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.notice")))
        self.assertIn(name, d.find_element(By.ID, "courses").text)
        self.assertIn("0 / 24", d.find_element(By.ID, "courses").text)

        # A kiosk with only the office's catalog lists it after its next call, with both sessions.
        see = ('tap "Find a job"\ntype "junior qa"\nexpect "Junior QA tester"\ntap "Home"\ntap "Courses"\n'
               'tap "' + name + '"\nexpect "Rustaveli Ave 12, room 4"\nexpect "Tsereteli St 3"\n')
        harness.Kiosk(self.display, self.office, "D", see, demo=False).finish()

    def test_a_kiosk_gets_a_pushed_setting_and_shows_as_silent_when_it_stops(self):
        d = self.driver
        kiosk = harness.RunningKiosk(self.display, self.office)
        self.addCleanup(kiosk.stop)
        harness.sign_in(d, self.office, "Giorgi", "giorgi password 1")  # the coordinator

        def fleet_row():
            d.get(self.office.console + "fleet")
            rows = d.find_elements(By.CSS_SELECTOR, "#kiosks tbody tr")
            return rows[0] if rows and "Heard from" in rows[0].text else None
        row = harness.wait_until(fleet_row, "the kiosk to be heard from on the kiosks page")
        device = row.get_attribute("data-kiosk")
        # What the kiosk says of itself: its OS, its printer (none here) and camera.
        devices = row.find_element(By.CSS_SELECTOR, "td.devices").text
        self.assertIn("none", devices)
        self.assertIn("camera", devices)
        self.assertIn("Linux", row.text)

        # A shorter idle timeout for that kiosk: refused out of range, then taken, and the kiosk applies it.
        def push(value):
            Select(d.find_element(By.ID, "target")).select_by_value(device)
            Select(d.find_element(By.ID, "key")).select_by_value("kiosk.idle_timeout_s")
            d.find_element(By.ID, "value").clear()
            d.find_element(By.ID, "value").send_keys(value)
            d.find_element(By.CSS_SELECTOR, "form.card input[type=submit]").click()
        push("5")
        self.assertIn("below 30", WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.problem"))).text)
        push("45")
        WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.notice")))
        self.assertIn("kiosk.idle_timeout_s = 45", d.find_element(By.ID, "config-history").text)
        harness.wait_until(lambda: kiosk.said("office configuration applied: kiosk.idle_timeout_s"),
                           "the kiosk to apply the pushed idle timeout")
        harness.shot(d, "console-fleet-en.png")

        # The kiosk stops: after three of its sync intervals unheard, the page says it is silent.
        kiosk.stop()

        def silent():
            d.get(self.office.console + "fleet")
            rows = d.find_elements(By.CSS_SELECTOR, "#kiosks tbody tr")
            return rows and "Silent" in rows[0].text
        harness.wait_until(silent, "the stopped kiosk to show as silent")

    def test_a_feed_with_an_expired_and_a_broken_posting_is_reported_and_the_expired_one_leaves_the_kiosk(self):
        d = self.driver
        files = tempfile.mkdtemp(prefix="dc-feed-")
        self.addCleanup(shutil.rmtree, files, True)

        def posting(ident, title, valid_through):
            return {"@context": "https://schema.org/", "@type": "JobPosting", "identifier": ident, "title": title,
                    "hiringOrganization": {"@type": "Organization", "name": "Kutaisi Bakery"},
                    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Kutaisi"}},
                    "baseSalary": {"@type": "MonetaryAmount", "currency": "GEL",
                                   "value": {"@type": "QuantitativeValue", "value": "7", "unitText": "HOUR"}},
                    "validThrough": valid_through}

        def upload(name, postings):
            path = os.path.join(files, name)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(postings, f)
            d.get(self.office.console + "feeds")
            d.find_element(By.ID, "upload-name").send_keys("kutaisi-bakery")
            d.find_element(By.ID, "file").send_keys(path)
            d.find_element(By.CSS_SELECTOR, "form[action='/office/feeds/upload'] input[type=submit]").click()
            return WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.ID, "summary"))).text

        harness.sign_in(d, self.office, "Giorgi", "giorgi password 1")
        summary = upload("first.jsonld", [posting("1", "Bakery cashier", "2099-12-31"),
                                          posting("2", "Bakery driver", "2099-12-31")])
        self.assertIn("Added: 2", summary)

        # A kiosk with only the office's catalog offers both, paid by the hour.
        kiosk_dir = tempfile.mkdtemp(prefix="dc-kiosk-")
        self.addCleanup(shutil.rmtree, kiosk_dir, True)
        harness.Kiosk(self.display, self.office, "F", 'tap "Find a job"\ntype "bakery"\nexpect "Bakery cashier"\n'
                      'expect "Bakery driver"\nexpect "7 GEL per hour"\n', demo=False, data_dir=kiosk_dir).finish()

        # The next file: the cashier's closing date has passed, one posting has no title, and a new one.
        broken = posting("3", "", "2099-12-31")
        del broken["title"]
        summary = upload("second.jsonld", [posting("1", "Bakery cashier", "2020-01-31"),
                                           posting("2", "Bakery driver", "2099-12-31"), broken,
                                           posting("4", "Bakery night baker", "2099-12-31")])
        self.assertIn("Added: 1", summary)
        self.assertIn("Closed: 1", summary)
        self.assertIn("Refused: 1", summary)
        report = d.find_element(By.ID, "report").text
        self.assertIn("Bakery cashier", report)
        self.assertIn("its closing date 2020-01-31 has passed", report)
        self.assertIn("it has no title", report)
        harness.shot(d, "console-feed-report-en.png")
        d.get(self.office.console + "feeds")
        self.assertIn("1 added, 0 changed, 1 closed, 1 refused", d.find_element(By.ID, "feeds").text)

        # The same kiosk, once it has the new list (the night baker is there), no longer offers the cashier.
        harness.Kiosk(self.display, self.office, "F", 'tap "Find a job"\ntype "bakery"\nexpect "Bakery night baker"\n'
                      'expect "Bakery driver"\nexpect-not "Bakery cashier"\n', demo=False, data_dir=kiosk_dir).finish()

    def test_the_reports_page_draws_the_programs_outcomes_and_gives_them_as_csv(self):
        d = self.driver
        subprocess.run([harness.SEED_OUTCOMES, self.office.db], check=True, capture_output=True)
        harness.sign_in(d, self.office, "Giorgi", "giorgi password 1")
        d.find_element(By.LINK_TEXT, "Reports").click()
        WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.ID, "by-week")))
        totals = d.find_element(By.ID, "totals").text
        for measure in ["Applications", "Hired", "Course places", "Completed courses"]:
            self.assertIn(measure, totals)
        # Eight weeks, each drawn; every group, language and office with its bars.
        self.assertEqual(8, len(d.find_elements(By.CSS_SELECTOR, "#by-week tbody tr")))
        self.assertGreaterEqual(len(d.find_elements(By.CSS_SELECTOR, "#by-week-chart rect")), 8 * 3)
        self.assertIn("Young people", d.find_element(By.ID, "by-group").text)
        self.assertIn("Minsk", d.find_element(By.ID, "by-region").text)
        self.assertIn("Беларуская", d.find_element(By.ID, "by-language").text)
        self.assertNotIn("Seed person", d.page_source)
        d.set_window_size(1366, 2400)
        harness.shot(d, "console-reports-en.png")
        d.set_window_size(1366, 768)
        # The same numbers as CSV, small groups as "<5".
        href = d.find_element(By.LINK_TEXT, "Export (CSV)").get_attribute("href")
        csv = d.execute_script("const r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send(); return r.responseText;", href)
        self.assertTrue(csv.startswith("from,to,dimension,value,measure,count\n"))
        self.assertIn(",region,\"Minsk\",applications,", csv)
        self.assertNotIn("Seed person", csv)

    def test_a_call_for_a_clerk_is_taken_on_the_board_and_the_kiosk_says_who_is_coming(self):
        d = self.driver
        harness.sign_in(d, self.office, "Nino", "nino password 1")
        d.get(self.office.console + "calls")
        kiosk = harness.Kiosk(self.display, self.office, "C",
                              'tap "Call a clerk"\nexpect "A clerk has been called"\nexpect "Nino is coming"\n')
        # The call appears on the open board by itself (the page polls), with a take button.
        button = WebDriverWait(d, WAIT).until(
            EC.element_to_be_clickable((By.CSS_SELECTOR, "#calls-body button.primary")))
        self.assertIn("calls-live", d.page_source)
        harness.shot(d, "console-calls-en.png")
        button.click()
        WebDriverWait(d, WAIT).until(EC.text_to_be_present_in_element((By.ID, "calls-body"), "Taken by Nino"))
        kiosk.finish()


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]] + sys.argv[1:], verbosity=2)
