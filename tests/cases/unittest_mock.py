# unittest.mock (it imports asyncio, so it needs select/_socket underneath): Mock, MagicMock, patch,
# patch.object, patch.dict, call assertions and their messages, side effects, autospec, AsyncMock.
import asyncio
import os
from unittest import mock

m = mock.Mock(return_value=3)
print(m(1, x=2), m.call_args, m.call_count, m.called)
m.assert_called_once_with(1, x=2)
m.assert_any_call(1, x=2)
for check in (lambda: m.assert_called_with(5), lambda: m.assert_not_called(), lambda: m.assert_called_once()):
    try:
        check()
    except AssertionError as e:
        print('AssertionError:', e)
m(2)
print(m.call_args_list, m.mock_calls == [mock.call(1, x=2), mock.call(2)])
try:
    m.assert_called_once()
except AssertionError as e:
    print('AssertionError:', e)
m.reset_mock()
print(m.call_count, m.call_args)
m.method.return_value = 'inner'
print(m.method(7), m.method.call_args, m.mock_calls)
print(repr(mock.Mock(name='named')).startswith("<Mock name='named' id="))

mm = mock.MagicMock()
mm.__len__.return_value = 7
mm.__iter__.return_value = iter([1, 2])
print(len(mm), list(mm), mm[1] is mm.__getitem__.return_value, bool(mm), 3 in mm)
with mm as entered:
    print(entered is mm.__enter__.return_value)
mm.__getitem__.side_effect = KeyError('k')
try:
    mm['x']
except KeyError as e:
    print('KeyError', e)

side = mock.Mock(side_effect=[1, ValueError('boom'), 3])
print(side())
try:
    side()
except ValueError as e:
    print('ValueError', e)
print(side())
print(mock.Mock(side_effect=lambda v: v * 10)(4))

with mock.patch('os.getcwd', return_value='/fake') as fake:
    print(os.getcwd(), fake.called)
print(os.getcwd() != '/fake')


@mock.patch('os.listdir')
def decorated(listdir):
    listdir.return_value = ['a', 'b']
    return os.listdir('/anything'), listdir.call_args


print(decorated())


class Thing:
    attr = 'real'

    def method(self, x):
        return x + 1


with mock.patch.object(Thing, 'method', return_value=99) as patched:
    print(Thing().method(1), patched.call_args)
with mock.patch.object(Thing, 'attr', 'patched'):
    print(Thing.attr)
print(Thing().method(1), Thing.attr)
config = {'a': 1}
with mock.patch.dict(config, {'b': 2}, clear=False):
    print(sorted(config.items()))
print(config)

spec = mock.create_autospec(Thing)
spec().method(5)
print(spec.return_value.method.call_args)
try:
    spec().method()
except TypeError as e:
    print('TypeError', e)
try:
    mock.Mock(spec=Thing).missing
except AttributeError as e:
    print('AttributeError', e)
print(mock.call.f(1, a=2) == mock.call.f(1, a=2), mock.call(1) == mock.call(2), mock.ANY == object())
print(mock.sentinel.token is mock.sentinel.token, mock.sentinel.token)

am = mock.AsyncMock(return_value=4)
print(asyncio.run(am(1)), am.await_count, am.await_args)
am.assert_awaited_once_with(1)
try:
    am.assert_awaited_with(2)
except AssertionError as e:
    print('AssertionError:', e)


async def fetch(client):
    return await client.get('url')


client = mock.MagicMock()
client.get = mock.AsyncMock(return_value='payload')
print(asyncio.run(fetch(client)), client.get.await_args)
print(asyncio.iscoroutinefunction(mock.AsyncMock()), type(mock.MagicMock().__aenter__).__name__)
