"""moto server as wardwatch runs it: moto's own server, with two changes to its DynamoDB writes.

moto's server answers requests on several threads, and its DynamoDB backend checks a write's condition and then
writes without a lock, so two conditional writes of one item at once could both pass their condition (DynamoDB
makes each write atomic): two concurrent admissions to one bed were both admitted once in a CI run. Here every
item write (PutItem, UpdateItem, DeleteItem, TransactWriteItems; BatchWriteItem goes through the first and third)
holds one lock, so each is atomic as DynamoDB's is.

moto 5.2.5 backs up a transaction by deep-copying every table the transaction touches, whole, before it starts
(moto/dynamodb/models/__init__.py, DynamoDBBackend.transact_write_items). The readings table grows by every
reading, so each alert transition (a transaction: the alert state and its outbox item) got slower as a run went
on: 100-150 ms per transaction after a few minutes, against about 4 ms for any other write, which DynamoDB does
not do. Here the transaction backs up only the items it names and, when it is cancelled, puts those items back
as they were (deleting the ones it created). What a transaction does and answers is moto's own code, unchanged.

It also runs in a session of its own: Ctrl-C in a terminal reaches every process of the foreground group, and the
Java process that started this server still needs it to print its summary; that process stops the server itself
(SIGTERM) when it is done.

It also reports the port it bound: started with -p 0 the operating system picks a free port as the server binds
it (no other process can take it between the pick and the bind), and once it is listening the port is written to
the file named by WARDWATCH_MOTO_PORT_FILE (written whole, then renamed into place) and to MOTO_PORT, which moto
uses where it builds its own URLs.

Run with the virtualenv's Python: WARDWATCH_MOTO_PORT_FILE=FILE python moto_server.py -H 127.0.0.1 -p 0 (the
arguments of moto_server).
"""

import copy
import os
import sys
import threading

import werkzeug.serving

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table
from moto.server import main

_inside_transaction = threading.local()
# Reentrant: a cancelled transaction puts its items back through put_item and delete_item.
_writes = threading.RLock()
_moto_transact_write_items = DynamoDBBackend.transact_write_items


class _CopyWithoutTables:
    """The copy module as moto's DynamoDB backend sees it: a table is not copied inside a transaction."""

    def __getattr__(self, name):
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value, memo=None):
        if isinstance(value, Table) and getattr(_inside_transaction, "active", False):
            return value
        return copy.deepcopy(value, memo)


def _key_of(backend, op_type, op):
    table = backend.get_table(op["TableName"])
    if op_type == "Put":
        attributes = op["Item"]
        key = {table.hash_key_attr: attributes[table.hash_key_attr]}
        if table.range_key_attr is not None:
            key[table.range_key_attr] = attributes[table.range_key_attr]
        return key
    return op["Key"]


def _transact_write_items(self, transact_items):
    backups = []
    for item in transact_items:
        try:
            op_type, op = next(iter(item.items()))
            key = _key_of(self, op_type, op)
            current = self.get_item(op["TableName"], key)
            backups.append((op["TableName"], key, None if current is None else current.to_json()["Attributes"]))
        except Exception:
            # A malformed operation: moto's own code below refuses it before writing anything.
            pass
    _inside_transaction.active = True
    try:
        return _moto_transact_write_items(self, transact_items)
    except BaseException:
        for table_name, key, attributes in reversed(backups):
            if attributes is None:
                if self.get_item(table_name, key) is not None:
                    self.delete_item(table_name, key)
            else:
                self.put_item(table_name, copy.deepcopy(attributes))
        raise
    finally:
        _inside_transaction.active = False


_werkzeug_make_server = werkzeug.serving.make_server


def _make_server_and_report_its_port(*args, **kwargs):
    """werkzeug's make_server, which binds and listens, then the port it bound written where the caller reads it."""
    server = _werkzeug_make_server(*args, **kwargs)
    os.environ["MOTO_PORT"] = str(server.port)
    port_file = os.environ.get("WARDWATCH_MOTO_PORT_FILE")
    if port_file:
        partial = port_file + ".partial"
        with open(partial, "w") as out:
            out.write(f"{server.port}\n")
        os.replace(partial, port_file)
    return server


def _one_write_at_a_time(write):
    def locked(self, *args, **kwargs):
        with _writes:
            return write(self, *args, **kwargs)
    locked.__name__ = write.__name__
    return locked


dynamodb_models.copy = _CopyWithoutTables()
werkzeug.serving.make_server = _make_server_and_report_its_port
DynamoDBBackend.transact_write_items = _one_write_at_a_time(_transact_write_items)
for _name in ("put_item", "update_item", "delete_item"):
    setattr(DynamoDBBackend, _name, _one_write_at_a_time(getattr(DynamoDBBackend, _name)))

if __name__ == "__main__":
    os.setsid()
    sys.exit(main(sys.argv[1:]))
