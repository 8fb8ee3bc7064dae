//! A real network's connection costs, simulated for the demo tenant's
//! listeners so that benchmarks can measure what connection reuse and
//! warming buy: each new connection first waits its set-up time (TCP and
//! TLS handshakes), and a connection left idle too long is closed by the
//! server (S3 after about 20 s, load balancers after about a minute).

use axum::serve::Listener;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Sleep};

/// The costs to simulate; the default simulates none.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConnectionCosts {
    /// Added before the first request of each new connection is read.
    pub setup: Duration,
    /// The server closes a connection idle this long.
    pub idle_close: Option<Duration>,
}

/// A listener that counts connections and gives each the costs.
#[derive(Debug)]
pub struct SimulatedListener {
    inner: TcpListener,
    costs: ConnectionCosts,
    connections: Arc<AtomicU64>,
}

impl SimulatedListener {
    pub fn new(inner: TcpListener, costs: ConnectionCosts, connections: Arc<AtomicU64>) -> Self {
        Self {
            inner,
            costs,
            connections,
        }
    }
}

impl Listener for SimulatedListener {
    type Io = SimulatedConnection;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = Listener::accept(&mut self.inner).await;
        self.connections.fetch_add(1, Ordering::Relaxed);
        (SimulatedConnection::new(stream, self.costs), addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// One accepted connection with its simulated costs.
#[derive(Debug)]
pub struct SimulatedConnection {
    inner: TcpStream,
    /// Until the set-up time has passed, nothing is read.
    setup: Option<Pin<Box<Sleep>>>,
    idle_close: Option<Duration>,
    /// Fires when the connection has been idle for `idle_close`.
    idle_timer: Option<Pin<Box<Sleep>>>,
}

impl SimulatedConnection {
    fn new(inner: TcpStream, costs: ConnectionCosts) -> Self {
        let setup = (!costs.setup.is_zero()).then(|| Box::pin(tokio::time::sleep(costs.setup)));
        let idle_timer = costs
            .idle_close
            .map(|idle| Box::pin(tokio::time::sleep(costs.setup + idle)));
        Self {
            inner,
            setup,
            idle_close: costs.idle_close,
            idle_timer,
        }
    }

    fn used(&mut self) {
        if let (Some(timer), Some(idle)) = (&mut self.idle_timer, self.idle_close) {
            timer.as_mut().reset(Instant::now() + idle);
        }
    }
}

impl AsyncRead for SimulatedConnection {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if let Some(setup) = &mut self.setup {
            ready!(setup.as_mut().poll(cx));
            self.setup = None;
        }
        if let Some(timer) = &mut self.idle_timer
            && timer.as_mut().poll(cx).is_ready()
        {
            // Idle too long: the server hangs up (end of stream).
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(result, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.used();
        }
        result
    }
}

impl AsyncWrite for SimulatedConnection {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.used();
        }
        result
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
