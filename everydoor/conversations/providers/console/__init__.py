"""A provider for development: messages are printed, not sent. `manage.py play_conversation`
lets a developer play the part of a person texting in, in a terminal."""

import sys
import uuid

from .. import ConversationProvider


class ConsoleProvider(ConversationProvider):
    stream = None  # where messages are printed; standard output when None

    def send(self, message):
        body = message.body or f"[template {message.template}: {message.template_values}]"
        stream = self.stream or sys.stdout
        stream.write(f"\n--> {message.contact.get_channel_display()} ({message.segments} segment(s), "
                     f"{message.encoding}):\n{body}\n")
        stream.flush()
        return f"console-{uuid.uuid4()}"
