#!/usr/bin/python3
"""What a screen reader sees of the app, for tests/it/screen_reader.rs.

Talks AT-SPI (the Linux accessibility bus) through pyatspi, as Orca does,
on the session bus named by DBUS_SESSION_BUS_ADDRESS.

    read_window.py tree          every application's accessible tree, as
                                 JSON: [{"depth", "role", "name", "states",
                                 "text"}] in document order
    read_window.py press NAME    the "click" action of the push button
                                 named NAME, as a screen reader user would
                                 press it (exit status 3 when not found)
"""

import json
import sys

import pyatspi


def applications():
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None:
            yield app


def describe(node, depth):
    role = node.getRoleName()
    states = sorted(pyatspi.stateToString(s) for s in node.getState().getStates())
    text = None
    if role != "password text":
        try:
            content = node.queryText()
            text = content.getText(0, content.characterCount)
        except NotImplementedError:
            pass
    return {"depth": depth, "role": role, "name": node.name or "", "states": states, "text": text}


def walk(node, depth=0):
    yield node, depth
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield from walk(child, depth + 1)


def main(argv):
    if argv[1:] == ["tree"]:
        nodes = [describe(n, d) for app in applications() for n, d in walk(app)]
        print(json.dumps(nodes, ensure_ascii=False))
        return 0
    if len(argv) == 3 and argv[1] == "press":
        for app in applications():
            for node, _ in walk(app):
                if node.getRoleName() == "push button" and node.name == argv[2]:
                    action = node.queryAction()
                    for index in range(action.nActions):
                        if action.getName(index) == "click":
                            action.doAction(index)
                            return 0
        return 3
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
