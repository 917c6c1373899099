using System.Security.Cryptography;

namespace Koban.Domain.Accounting.Export;

/// <summary>
/// A write-only pass-through stream that computes the SHA-256 and the length of everything written through it, so
/// a file is fingerprinted while it is produced, without reading it back.
/// </summary>
public sealed class HashingStream(Stream inner, bool leaveOpen = true) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _finalHash;

    public long BytesWritten { get; private set; }

    /// <summary>The SHA-256 of the bytes written so far; ends the hashing (later writes throw).</summary>
    public byte[] Sha256()
    {
        _finalHash ??= _hash.GetHashAndReset();
        return _finalHash;
    }

    /// <summary>The SHA-256 as lower-case hex.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(Sha256());

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => BytesWritten;

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Append(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Append(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Append(ReadOnlySpan<byte> buffer)
    {
        if (_finalHash is not null) throw new InvalidOperationException("The hash was already read.");
        _hash.AppendData(buffer);
        BytesWritten += buffer.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!leaveOpen) inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
