import django.db.models.deletion
from django.db import migrations, models

import everydoor.privacy.encryption


def fill_sender_from_contact(apps, schema_editor):
    """Messages stored before this change name their contact: copy its channel and key."""
    InboundMessage = apps.get_model("conversations", "InboundMessage")
    for message in InboundMessage.objects.select_related("contact").iterator():
        message.channel = message.contact.channel
        message.address_key = message.contact.address_key
        message.save(update_fields=["channel", "address_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("conversations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="inboundmessage",
            name="channel",
            field=models.CharField(choices=[("sms", "SMS"), ("whatsapp", "WhatsApp"), ("voice", "Phone call"),
                                            ("web", "Web")], default="", max_length=16),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="inboundmessage",
            name="address_key",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="inboundmessage",
            name="address",
            field=everydoor.privacy.encryption.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name="inboundmessage",
            name="contact",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="inbound", to="conversations.contact"),
        ),
        migrations.RunPython(fill_sender_from_contact, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="inboundmessage",
            index=models.Index(fields=["channel", "address_key", "status"], name="inbound_waiting_per_sender"),
        ),
        migrations.AlterField(
            model_name="outboundmessage",
            name="status",
            field=models.CharField(choices=[("queued", "Queued"), ("retrying", "Waiting to retry"),
                                            ("sending", "Being sent"), ("sent", "Sent"), ("delivered", "Delivered"),
                                            ("failed", "Failed"),
                                            ("needs_template", "WhatsApp window closed: needs an approved template"),
                                            ("not_sent", "Not sent: the person opted out")],
                                   default="queued", max_length=16),
        ),
    ]
