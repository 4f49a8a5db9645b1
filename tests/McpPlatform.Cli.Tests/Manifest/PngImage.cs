using System.Buffers.Binary;
using System.IO.Compression;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>
/// A minimal PNG decoder for screenshots: 8-bit RGB or RGBA, not interlaced (what Chromium writes). Enough to
/// check that a page rendered something, without an image library.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _pixels; // RGB, 3 bytes per pixel, row by row

    private PngImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 3;
            return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
        }
    }

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0, colorType = -1;
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var (bitDepth, interlace) = (data[8], data[12]);
                colorType = data[9];
                if (bitDepth != 8 || colorType is not (2 or 6) || interlace != 0)
                {
                    throw new InvalidDataException($"unsupported PNG: bit depth {bitDepth}, color type {colorType}, interlace {interlace}");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            offset += 12 + length; // length, type, data, CRC
        }

        var channels = colorType == 6 ? 4 : 3;
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        if (data.Length < height * (stride + 1))
        {
            throw new InvalidDataException("PNG image data is truncated");
        }

        var previous = new byte[stride];
        var current = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            data.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(current);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                current.AsSpan(x * channels, 3).CopyTo(rgb.AsSpan(((y * width) + x) * 3));
            }

            (previous, current) = (current, previous);
        }

        return rgb;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
