"""A real SMTP server for the alert tests (Debian's python3-aiosmtpd): it takes mail on 127.0.0.1, optionally only
after AUTH with a given login, and writes each message as it arrived to a folder, one .eml file each (written to a
temporary name and renamed, so a reader never sees half a message). With --refuse ADDRESS it refuses that recipient
for good (550), as a server does for a mailbox that does not exist.

    /usr/bin/python3 smtp_server.py PORT FOLDER [--user U --password P] [--refuse ADDRESS]
"""
import argparse
import asyncio
import os
import sys
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, folder, refuse):
        self.folder = folder
        self.refuse = set(refuse)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode())
            f.write(f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(f"X-Authenticated: {getattr(session, 'authenticated', False)}\r\n".encode())
            f.write(envelope.original_content)
        os.rename(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", action="append", default=[])
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        return AuthResult(success=ok)

    kwargs = {}
    if args.user:
        kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    controller = Controller(
        Handler(args.folder, args.refuse), hostname="127.0.0.1", port=args.port, **kwargs
    )
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()  # runs until the test closes its stdin (or kills it)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
