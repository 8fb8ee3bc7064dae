//! Changing a customer's photo through the client (issue 13 groundwork):
//! `setImage` as Capillary documents it (multipart, the JPEG under `file`)
//! and `deleteImage`, checked on a scripted server on 127.0.0.1, with every
//! documented error code and a till without the permission in words.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use capillary::{ApiHost, CapillaryClient, ClientConfig, ErrorKind};
use photo::{DecodeLimits, MAX_UPLOAD_BYTES, MIN_UPLOAD_BYTES, PhotoUpload, upload_from_pixels};
use testkit::photos::detailed;
use testkit::{Reply, Scripted, scripted, till};

const UPLOADED: &str = r#"{"data":[{"code":200,"file":{"acl":"PRIVATE","fileSize":"18039","fileHandle":"h","lastModified":"2025-04-21 03:01:43","latestVersion":-1,"name":"100737/42/1","namespace":"customerImage","s3Token":"t","version":-1},"message":"Successfully uploaded file","status":"true"}],"warnings":[],"errors":[]}"#;

fn client_for(server: &Scripted) -> CapillaryClient {
    CapillaryClient::with_config(
        ApiHost::parse(&server.url()).unwrap(),
        till(),
        ClientConfig::default(),
    )
    .unwrap()
}

fn photo() -> PhotoUpload {
    upload_from_pixels(&detailed(900, 1200)).unwrap()
}

/// The one part of a multipart body: its headers and its bytes.
fn only_part(content_type: &str, body: &[u8]) -> (String, Vec<u8>) {
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not multipart: {content_type}"));
    let opening = format!("--{boundary}\r\n");
    let closing = format!("\r\n--{boundary}--\r\n");
    assert!(body.starts_with(opening.as_bytes()), "no opening boundary");
    assert!(body.ends_with(closing.as_bytes()), "no closing boundary");
    let inner = &body[opening.len()..body.len() - closing.len()];
    let split = inner.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let headers = String::from_utf8(inner[..split].to_vec()).unwrap();
    let data = inner[split + 4..].to_vec();
    // The boundary never occurs inside the part.
    assert!(
        !data
            .windows(boundary.len())
            .any(|w| w == boundary.as_bytes())
    );
    (headers, data)
}

#[tokio::test]
async fn set_image_sends_the_jpeg_as_documented() {
    let server = scripted(vec![Reply::json(200, UPLOADED)]).await;
    let upload = photo();
    client_for(&server)
        .set_image(42, &upload.jpeg)
        .await
        .unwrap();

    let requests = server.requests();
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/v2/customers/42/setImage?source=INSTORE");
    assert!(
        request
            .header("authorization")
            .is_some_and(|h| h.starts_with("Basic "))
    );
    let (headers, data) = only_part(request.header("content-type").unwrap(), &request.body);
    assert!(
        headers
            .contains(r#"Content-Disposition: form-data; name="file"; filename="customer-42.jpg""#),
        "{headers}"
    );
    assert!(headers.contains("Content-Type: image/jpeg"), "{headers}");
    assert_eq!(data, upload.jpeg, "the part is not the prepared JPEG");
    assert!((MIN_UPLOAD_BYTES..=MAX_UPLOAD_BYTES).contains(&data.len()));
    assert!(!data.windows(4).any(|w| w == b"Exif"), "EXIF in the upload");
    let decoded = photo::decode(&data, &DecodeLimits::default()).unwrap();
    assert_eq!(decoded.image.dimensions(), (900, 1200));
}

#[tokio::test]
async fn every_photo_change_error_is_in_words() {
    let cases = [
        // The documented codes, as an error list and as a failed data entry.
        (
            Reply::json(
                400,
                r#"{"errors":[{"code":8083,"message":"Uploaded image size is below the minimum required size"}]}"#,
            ),
            "too small a file",
        ),
        (
            Reply::json(
                200,
                r#"{"data":[{"code":8084,"message":"The request does not contain a valid image file","status":"false"}],"errors":[]}"#,
            ),
            "did not accept the photo as an image",
        ),
        (
            Reply::json(
                404,
                r#"{"errors":[{"code":8015,"message":"Customer not found"}]}"#,
            ),
            "No customer found",
        ),
        (Reply::json(401, "{}"), "This till may not change photos"),
        (
            Reply::json(403, r#"{"errors":[{"code":403,"message":"Forbidden"}]}"#),
            "This till may not change photos",
        ),
        (Reply::json(500, "{}"), "500"),
        (Reply::json(200, r#"{"data":[]}"#), "no data"),
    ];
    for (reply, words) in cases {
        let server = scripted(vec![reply]).await;
        let err = client_for(&server)
            .set_image(42, &photo().jpeg)
            .await
            .unwrap_err();
        assert!(err.to_string().contains(words), "{words:?} not in {err}");
    }
}

#[tokio::test]
async fn delete_images_names_the_slots() {
    let server = scripted(vec![Reply::json(
        200,
        r#"{"code":200,"message":"Success","status":"true"}"#,
    )])
    .await;
    client_for(&server)
        .delete_images(42, &[0, 2])
        .await
        .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.method, "DELETE");
    assert_eq!(
        request.target,
        "/v2/customers/42/deleteImage?image_ids=0%2C2&source=INSTORE"
    );

    let server = scripted(vec![Reply::json(
        400,
        r#"{"errors":[{"code":8078,"message":"No Image passed to be deleted"}]}"#,
    )])
    .await;
    let err = client_for(&server)
        .delete_images(42, &[])
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::Capillary { code: 8078, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("no photo was named to remove"),
        "{err}"
    );
}

/// Asha Rao in the demo tenant.
const ASHA: i64 = 565_039_601;

fn demo_client(server: &demo::DemoServer) -> CapillaryClient {
    CapillaryClient::new(server.host(), demo::DemoServer::till_credentials()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_tenant_adds_shows_and_removes_images() {
    use demo::{DemoConfig, DemoServer};
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let client = demo_client(&server);
    assert_eq!(server.image_count(ASHA), 1);

    // A new photo lands in slot 1 and is the one a lookup now shows.
    let upload = photo();
    client.set_image(ASHA, &upload.jpeg).await.unwrap();
    assert_eq!(server.image_count(ASHA), 2);
    let customer = client.customer_by_id(ASHA).await.unwrap();
    assert_eq!(customer.customer_image.as_ref().unwrap().len(), 2);
    assert_eq!(customer.photo_entry().unwrap().index(), Some(1));
    let shown = client.download_photo(&customer).await.unwrap();
    assert_eq!(shown.bytes, upload.jpeg);

    // Replacing = removing the older slot: one photo left, the new one.
    client.delete_images(ASHA, &[0]).await.unwrap();
    assert_eq!(server.image_count(ASHA), 1);
    let customer = client.customer_by_id(ASHA).await.unwrap();
    assert_eq!(
        client.download_photo(&customer).await.unwrap().bytes,
        upload.jpeg
    );

    // The documented refusals.
    let tiny = PhotoUpload {
        jpeg: upload.jpeg[..5 * 1024].to_vec(),
        ..upload.clone()
    };
    let err = client.set_image(ASHA, &tiny.jpeg).await.unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::Capillary { code: 8083, .. }),
        "{err:?}"
    );
    let not_an_image = PhotoUpload {
        jpeg: vec![b'x'; 20 * 1024],
        ..upload.clone()
    };
    let err = client
        .set_image(ASHA, &not_an_image.jpeg)
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::Capillary { code: 8084, .. }),
        "{err:?}"
    );
    let err = client.delete_images(ASHA, &[7]).await.unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::Capillary { code: 8078, .. }),
        "{err:?}"
    );
    let err = client.set_image(1, &upload.jpeg).await.unwrap_err();
    assert!(err.kind.is_not_found(), "{err:?}");
    // Removing the last photo leaves the customer without one.
    client.delete_images(ASHA, &[1]).await.unwrap();
    let customer = client.customer_by_id(ASHA).await.unwrap();
    assert_eq!(customer.photo(), capillary::PhotoState::None);
}
