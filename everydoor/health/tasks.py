from django.utils import timezone
from django_tasks import task


@task()
def heartbeat():
    """A no-op a deployment can enqueue to prove that a worker is taking tasks."""
    return timezone.now().isoformat()
