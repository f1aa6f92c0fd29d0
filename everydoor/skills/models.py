import uuid

from django.db import models
from django.utils import timezone


class LessonCompletion(models.Model):
    """Someone finished a digital-skills lesson. Anonymous: which lesson, in which language and
    through which door, so the service can see what is used."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    lesson = models.SlugField(max_length=64)
    language = models.CharField(max_length=16)
    channel = models.CharField(max_length=16, default="web")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["lesson", "completed_at"])]

    def __str__(self):
        return f"{self.lesson} in {self.language}"
