from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "everydoor.conversations"
    label = "conversations"
    verbose_name = "Conversations (SMS, WhatsApp, phone)"
