import uuid

from django.core.management.base import BaseCommand

from ...inbound import process_message, receive_message
from ...models import Channel, OutboundMessage
from ...providers import provider_named
from ...tasks import send_outbound


class Command(BaseCommand):
    help = ("Play a conversation in the terminal, as a person texting EveryDoor would, through the console "
            "provider: each line you type is an incoming message, and the replies are printed.")

    def add_arguments(self, parser):
        parser.add_argument("--channel", choices=[Channel.SMS, Channel.WHATSAPP], default=Channel.SMS)
        parser.add_argument("--number", default="+447700900123", help="the made-up number you text from")

    def handle(self, *args, channel, number, **options):
        provider_named("console").stream = self.stdout
        self.stdout.write("Type a message and press Enter (Ctrl-D to finish). Try 'hi', a number, 'help' or 'stop'.")
        while True:
            try:
                text = input("<-- ")
            except EOFError:
                break
            message_id, _new = receive_message("console", channel, number, f"console-{uuid.uuid4()}", text)
            # Played here and now, rather than by a worker, so the replies follow the typing.
            process_message(message_id)
            for reply in OutboundMessage.objects.filter(reply_to_id=message_id).order_by("sequence"):
                if reply.status == OutboundMessage.Status.QUEUED:
                    send_outbound.call(str(reply.pk))
