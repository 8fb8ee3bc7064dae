//! The X11 clipboard by the selection protocol (ICCCM), with the INCR
//! transfer large data uses, each chunk waited for up to [`CHUNK_WAIT`].

use super::{ClipboardError, MAX_PASTE_BYTES, Pasted};
use std::time::{Duration, Instant};
use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ConnectionExt as _, CreateWindowAux, EventMask, Property, WindowClass,
};

/// How long the owner may take to answer, and between chunks.
const CHUNK_WAIT: Duration = Duration::from_secs(2);
/// Picture types asked for, in order of preference.
const PICTURE_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/webp", "image/bmp"];

struct Session {
    conn: x11rb::rust_connection::RustConnection,
    window: u32,
    clipboard: Atom,
    property: Atom,
}

fn unavailable(e: impl std::fmt::Display) -> ClipboardError {
    ClipboardError::Unavailable(e.to_string())
}

pub fn read(want_picture: bool) -> Result<Pasted, ClipboardError> {
    let (conn, screen) = x11rb::connect(None).map_err(unavailable)?;
    let root = conn
        .setup()
        .roots
        .get(screen)
        .map(|s| s.root)
        .ok_or_else(|| unavailable("no screen"))?;
    let window = conn.generate_id().map_err(unavailable)?;
    conn.create_window(
        0,
        window,
        root,
        0,
        0,
        1,
        1,
        0,
        WindowClass::INPUT_ONLY,
        0,
        &CreateWindowAux::new().event_mask(EventMask::PROPERTY_CHANGE),
    )
    .map_err(unavailable)?;
    let session = Session {
        clipboard: atom(&conn, "CLIPBOARD")?,
        property: atom(&conn, "CUSTOMER_LOOKUP_PASTE")?,
        conn,
        window,
    };
    let result = session.read(want_picture);
    let _ = session.conn.destroy_window(window);
    let _ = session.conn.flush();
    result
}

fn atom(conn: &impl Connection, name: &str) -> Result<Atom, ClipboardError> {
    conn.intern_atom(false, name.as_bytes())
        .map_err(unavailable)?
        .reply()
        .map(|r| r.atom)
        .map_err(unavailable)
}

impl Session {
    fn read(&self, want_picture: bool) -> Result<Pasted, ClipboardError> {
        let targets_atom = atom(&self.conn, "TARGETS")?;
        let offered: Vec<Atom> = match self.convert(targets_atom)? {
            Some(bytes) => bytes
                .chunks_exact(4)
                .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            None => return Ok(Pasted::Nothing),
        };
        if want_picture {
            for name in PICTURE_TYPES {
                let target = atom(&self.conn, name)?;
                if offered.contains(&target)
                    && let Some(bytes) = self.convert(target)?
                    && !bytes.is_empty()
                {
                    return Ok(Pasted::Encoded(bytes));
                }
            }
        }
        for name in ["UTF8_STRING", "text/plain;charset=utf-8", "STRING"] {
            let target = atom(&self.conn, name)?;
            if offered.contains(&target)
                && let Some(bytes) = self.convert(target)?
            {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                if !text.is_empty() {
                    return Ok(Pasted::Text(text));
                }
            }
        }
        Ok(Pasted::Nothing)
    }

    /// Asks the owner for `target` into our property; its bytes, or `None`
    /// when it refused or nobody owns the clipboard.
    fn convert(&self, target: Atom) -> Result<Option<Vec<u8>>, ClipboardError> {
        let conn = &self.conn;
        conn.convert_selection(
            self.window,
            self.clipboard,
            target,
            self.property,
            x11rb::CURRENT_TIME,
        )
        .map_err(unavailable)?;
        conn.flush().map_err(unavailable)?;
        let notified = self.wait(|event| match event {
            Event::SelectionNotify(e) if e.requestor == self.window => Some(e.property),
            _ => None,
        })?;
        if notified == u32::from(AtomEnum::NONE) {
            return Ok(None);
        }
        let incr = atom(conn, "INCR")?;
        let first = self.take_property()?;
        if first.0 != incr {
            return Ok(Some(first.1));
        }
        // INCR: deleting the property (done) asks for the next chunk; an
        // empty chunk ends the transfer.
        let mut data = Vec::new();
        loop {
            self.wait(|event| match event {
                Event::PropertyNotify(e)
                    if e.window == self.window
                        && e.atom == self.property
                        && e.state == Property::NEW_VALUE =>
                {
                    Some(())
                }
                _ => None,
            })?;
            let (_, chunk) = self.take_property()?;
            if chunk.is_empty() {
                return Ok(Some(data));
            }
            if data.len() + chunk.len() > MAX_PASTE_BYTES {
                return Err(ClipboardError::TooLarge);
            }
            data.extend_from_slice(&chunk);
        }
    }

    /// Reads and deletes our property: its type and bytes.
    fn take_property(&self) -> Result<(Atom, Vec<u8>), ClipboardError> {
        let limit = u32::try_from(MAX_PASTE_BYTES / 4 + 1).unwrap_or(u32::MAX);
        let reply = self
            .conn
            .get_property(true, self.window, self.property, AtomEnum::ANY, 0, limit)
            .map_err(unavailable)?
            .reply()
            .map_err(unavailable)?;
        if reply.bytes_after > 0 {
            return Err(ClipboardError::TooLarge);
        }
        self.conn.flush().map_err(unavailable)?;
        Ok((reply.type_, reply.value))
    }

    /// Waits up to [`CHUNK_WAIT`] for an event `wanted` picks.
    fn wait<T>(&self, wanted: impl Fn(&Event) -> Option<T>) -> Result<T, ClipboardError> {
        let until = Instant::now() + CHUNK_WAIT;
        loop {
            while let Some(event) = self.conn.poll_for_event().map_err(unavailable)? {
                if let Some(found) = wanted(&event) {
                    return Ok(found);
                }
            }
            if Instant::now() > until {
                return Err(ClipboardError::TimedOut);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}
