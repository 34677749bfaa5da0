"""The autouse network guard of tests/conftest.py: outside connections fail, local ones work."""

import socket

import pytest


def test_outside_connection_is_refused(no_network):
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.5)  # TEST-NET-1, never reachable
    assert no_network == ["('192.0.2.1', 80)"] or no_network[0].startswith("('192.0.2.1'")
    no_network.clear()  # the refusal above is what this test wants


def test_name_lookup_is_refused(no_network):
    with pytest.raises(OSError):
        socket.getaddrinfo("example.com", 443)
    assert no_network
    no_network.clear()


def test_local_connections_are_allowed():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()
