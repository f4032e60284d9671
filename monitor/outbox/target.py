"""What the outbox needs of a target kind: the seam a new kind plugs into.

``Target`` is the whole surface the outbox uses: resolve a rule's target names to
target URLs (``deliveries``), send one message to one URL (``send``, raising
DeliveryError), and name (``label``), style (``style``) and recognise (``knows``) a
URL by its handle. Queueing, holds, retry, dead alerts and the record stay in the
outbox, so a kind is only the sending. ``targets.Notifier`` (apprise URLs) is one;
``Printer`` (a dry run) is another.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TextIO

from monitor.models import Message

if TYPE_CHECKING:
    from monitor.outbox.render import Style
    from monitor.store import Delivery


class Target(Protocol):
    """Sends messages to target URLs named by handle (``store.url_id``: no secrets)."""

    def deliveries(self, rule: str, names: Iterable[str]) -> list[Delivery]:
        """Every target URL an alert of ``rule`` sent to the targets ``names`` must reach."""
        ...

    def send(self, handle: str, message: Message) -> None:
        """Deliver, or raise DeliveryError (whose text never holds a secret)."""
        ...

    def label(self, handle: str) -> str:
        """The URL with its secrets masked, for logs and messages."""
        ...

    def style(self, handle: str) -> Style:
        """How a message to this URL is written: "email", "chat", "text", "webhook" (JSON) or a chat service."""
        ...

    def knows(self, handle: str) -> bool:
        """False once the URL left the config (a reload): its alerts cannot be sent."""
        ...


class Printer:
    """A dry run's target: prints what ``real`` would be sent and sends nothing.

    It resolves, labels and styles as ``real`` does, so the printed message is the one
    that would go out.
    """

    def __init__(self, real: Target, out: TextIO | None = None):
        self.real = real
        self.out = out

    def deliveries(self, rule: str, names: Iterable[str]) -> list[Delivery]:
        return self.real.deliveries(rule, names)

    def send(self, handle: str, message: Message) -> None:
        out = self.out or sys.stdout
        print(f"--- would send to {self.real.label(handle)}", file=out)
        print(message.title, file=out)
        print(message.body, file=out)

    def label(self, handle: str) -> str:
        return self.real.label(handle)

    def style(self, handle: str) -> Style:
        return self.real.style(handle)

    def knows(self, handle: str) -> bool:
        return self.real.knows(handle)
