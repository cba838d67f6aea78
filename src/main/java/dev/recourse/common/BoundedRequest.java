package dev.recourse.common;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body stream fails as soon as it passes a byte limit, for bodies sent without a
 * Content-Length (chunked), so nothing ever buffers more than the limit. The failure is a
 * {@link RecourseException}, answered as a 413 OperationOutcome.
 */
final class BoundedRequest extends HttpServletRequestWrapper {
	private final long maxBytes;
	private ServletInputStream stream;

	BoundedRequest(HttpServletRequest request, long maxBytes) {
		super(request);
		this.maxBytes = maxBytes;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (stream == null) {
			stream = new BoundedStream(super.getInputStream(), maxBytes);
		}
		return stream;
	}

	private static final class BoundedStream extends ServletInputStream {
		private final ServletInputStream delegate;
		private final long maxBytes;
		private long read;

		BoundedStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > maxBytes) {
				throw new RecourseException(
						RecourseError.TOO_LARGE,
						null,
						"Request body too large: more than the limit of " + maxBytes + " bytes");
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
