"""What the current request (or one e-mail) has read once: the exchange rates, the glossary."""

import contextlib
import contextvars

from django.core.signals import request_finished, request_started
from django.dispatch import receiver

_memo = contextvars.ContextVar("request_memo", default=None)


@receiver(request_started, dispatch_uid="request-memo-started")
def start_request(**kwargs):
    _memo.set({})


@receiver(request_finished, dispatch_uid="request-memo-finished")
def finish_request(**kwargs):
    _memo.set(None)


def request_memo():
    """A dict living as long as the current request (None outside one), for what is read once."""
    return _memo.get()


@contextlib.contextmanager
def memo_scope():
    """Outside a request (an e-mail written by a task), what is read once is read once inside
    this block too; inside a request, the request's memo serves."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)
