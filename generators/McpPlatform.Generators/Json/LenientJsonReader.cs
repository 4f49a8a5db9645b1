using System.Globalization;
using System.Text;

namespace McpPlatform.Generators.Json
{
    /// <summary>
    /// Reads JSON as .NET's JSON configuration provider accepts it: <c>//</c> and <c>/* */</c>
    /// comments and trailing commas are allowed. Numbers and literals keep their source text.
    /// Throws <see cref="JsonSyntaxException"/> naming the line and column of the first error.
    /// </summary>
    internal sealed class LenientJsonReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _position;

        private LenientJsonReader(string text) => _text = text;

        public static JsonValue Parse(string text)
        {
            var reader = new LenientJsonReader(text);
            if (reader._position < text.Length && text[0] == '\uFEFF')
            {
                reader._position++;
            }

            reader.SkipTrivia();
            var value = reader.ReadValue(0);
            reader.SkipTrivia();
            if (reader._position < text.Length)
            {
                throw reader.Error("unexpected text after the end of the JSON value");
            }

            return value;
        }

        private JsonValue ReadValue(int depth)
        {
            if (_position >= _text.Length)
            {
                throw Error("the JSON ends where a value was expected");
            }

            var start = _position;
            var value = ReadValueAt(depth);
            value.Position = start;
            return value;
        }

        private JsonValue ReadValueAt(int depth)
        {
            var c = _text[_position];
            switch (c)
            {
                case '{': return ReadObject(depth + 1);
                case '[': return ReadArray(depth + 1);
                case '"': return JsonValue.String(ReadString());
                case 't': return ReadWord("true");
                case 'f': return ReadWord("false");
                case 'n': return ReadWord("null");
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw Error($"unexpected character '{c}' where a value was expected");
            }
        }

        private JsonValue ReadObject(int depth)
        {
            CheckDepth(depth);
            var value = JsonValue.Object();
            _position++;
            SkipTrivia();
            while (true)
            {
                if (Peek() == '}')
                {
                    _position++;
                    return value;
                }

                if (Peek() != '"')
                {
                    throw Error("expected a property name in double quotes or '}'");
                }

                var name = ReadString();
                SkipTrivia();
                if (Peek() != ':')
                {
                    throw Error($"expected ':' after property name \"{name}\"");
                }

                _position++;
                SkipTrivia();
                value.Add(name, ReadValue(depth));
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    SkipTrivia();
                }
                else if (Peek() != '}')
                {
                    throw Error("expected ',' or '}' after a property value");
                }
            }
        }

        private JsonValue ReadArray(int depth)
        {
            CheckDepth(depth);
            var items = new System.Collections.Generic.List<JsonValue>();
            _position++;
            SkipTrivia();
            while (true)
            {
                if (Peek() == ']')
                {
                    _position++;
                    return JsonValue.Array(items);
                }

                items.Add(ReadValue(depth));
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    SkipTrivia();
                }
                else if (Peek() != ']')
                {
                    throw Error("expected ',' or ']' after an array item");
                }
            }
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            _position++;
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw Error("a string is not closed");
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    _position--;
                    throw Error("a string contains a control character; escape it");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                var escape = _position < _text.Length ? _text[_position++] : '\0';
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("\\u must be followed by four hexadecimal digits");
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        _position--;
                        throw Error($"'\\{escape}' is not a JSON escape");
                }
            }
        }

        private JsonValue ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            if (Peek() == '0')
            {
                _position++;
            }
            else if (!ReadDigits())
            {
                throw Error("a number needs digits");
            }

            if (Peek() == '.')
            {
                _position++;
                if (!ReadDigits())
                {
                    throw Error("a number needs digits after '.'");
                }
            }

            if (Peek() is 'e' or 'E')
            {
                _position++;
                if (Peek() is '+' or '-')
                {
                    _position++;
                }

                if (!ReadDigits())
                {
                    throw Error("a number needs digits in its exponent");
                }
            }

            return JsonValue.Literal(_text.Substring(start, _position - start));
        }

        private bool ReadDigits()
        {
            var start = _position;
            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }

            return _position > start;
        }

        private JsonValue ReadWord(string word)
        {
            if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
            {
                throw Error($"unexpected text where a value was expected (strings need double quotes)");
            }

            _position += word.Length;
            return JsonValue.Literal(word);
        }

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("a /* comment is not closed");
                    }

                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"the JSON is nested more than {MaxDepth} levels deep");
            }
        }

        private JsonSyntaxException Error(string message)
        {
            int line = 1, column = 1;
            for (var i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new JsonSyntaxException(message, _position, line, column);
        }
    }
}
