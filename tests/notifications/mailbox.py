"""An email backend for the worker processes of the reliability tests: each message becomes
one file in NOTIFICATIONS_TEST_MAILBOX, after a pause that stands for a slow mail server (so a
test can kill a worker while it is sending)."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class FileMailbox(BaseEmailBackend):
    def send_messages(self, email_messages):
        mailbox = Path(os.environ["NOTIFICATIONS_TEST_MAILBOX"])
        delay = float(os.environ.get("NOTIFICATIONS_TEST_MAIL_DELAY", "0"))
        for message in email_messages:
            time.sleep(delay)
            name = uuid.uuid4().hex
            partial = mailbox / f".{name}.tmp"
            partial.write_bytes(message.message().as_bytes())
            partial.rename(mailbox / f"{name}.eml")  # appears whole or not at all
        return len(email_messages)
