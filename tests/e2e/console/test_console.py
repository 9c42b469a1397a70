"""The office console in a real browser, with real kiosks: an application made at kiosk A gets a
caseworker's decision that kiosk B shows for its code in Georgian; a kiosk's Call a clerk reaches
the calls board, is taken, and the kiosk says who is coming."""

import sys
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import WAIT

APPLY = ('tap "Find a job"\ntype "junior qa"\nexpect "Junior QA tester"\ntap "Junior QA tester"\n'
         'tap "Apply for this job"\ntap "Your name"\ntype "Nino Beridze"\ntap "Phone number"\ntype "599 12 34 56"\n'
         'tap "Done"\ntap "I agree"\ntap "Next: check and send"\ntap "Send application"\nexpect "Your reference code"\n'
         'expect "Delivered to the employment office."\ntap "Finish"\n')


class ConsoleTest(unittest.TestCase):
    def setUp(self):
        # Each part is stopped even when a later one fails to start.
        self.office = harness.Office()
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

        # The decision and the opening of the record are in the audit log, which an admin reads.
        d.find_element(By.CSS_SELECTOR, "header form button").click()  # sign out (a POST with the CSRF token)
        WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.ID, "password")))
        harness.sign_in(d, self.office, "Admin", "admin password 1")
        d.get(self.office.console + "audit")
        audit = d.find_element(By.TAG_NAME, "table").text
        self.assertIn("decision", audit)
        self.assertIn("record.view", audit)

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
