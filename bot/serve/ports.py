"""Which local ports the assistant uses, and a clear message when one is already taken."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Ports:
    actions: int = 5055
    rasa: int = 5005
    gateway: int = 8000

    @classmethod
    def from_env(cls) -> "Ports":
        return cls(
            actions=int(os.environ.get("ACTIONS_PORT", 5055)),
            rasa=int(os.environ.get("RASA_PORT", 5005)),
            gateway=int(os.environ.get("PORT", 8000)),
        )


def free_port(host: str = HOST) -> int:
    """A port nothing listens on now, chosen by the kernel, for a process a test or a measurement
    starts (it could be taken again before that process binds it; on loopback that is rare)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def port_is_free(port: int, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def taken_port_messages(wanted: dict[str, int], host: str = HOST) -> list[str]:
    """One plain sentence for each port in `wanted` (name -> port) that something else holds."""
    return [
        f"Port {port} ({name}) on {host} is already in use. Is the assistant already "
        f"running in another terminal? Stop it, or stop whatever uses port {port}."
        for name, port in wanted.items()
        if not port_is_free(port, host)
    ]
