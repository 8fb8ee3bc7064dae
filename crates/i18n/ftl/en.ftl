# Customer Lookup: English. Every message id here must exist in every
# other .ftl file (a test checks). Names, tiers and stores from Capillary
# are shown as they come and never appear here.

## The window

app-name = Customer Lookup
policy-error-heading = Customer Lookup cannot start
quit = Quit
log-out = Log out
log-out-hover = Log out ({ $shortcut }): wipes customer data from memory
theme = Theme
theme-system = System
theme-light = Light
theme-dark = Dark
status-server = Server: { $server }
status-user = User: { $user }
status-signed-out = Not signed in
status-failed-request = Last failed request id: { $id }
photo-enlarged-close = Click or press Esc to close
drop-hint = Drop the picture to use it as the new photo

## Dates: "20 Nov 2026, 16:35"

date-time = { $day } { $month } { $year }, { $time }
date-time-month-first = { $month } { $day }, { $year }, { $time }
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

## Signing in

sign-in = Sign in
sign-in-intro = Use the store's Capillary credentials.
log-in = Log in
checking-credentials = Checking credentials…
demo-hint = Demo: sign in, then try mobile 919800000001 or 918877665544.
host-demo = Built-in demo
host-custom = Custom URL…
server = Server
host-url = Host URL
sign-in-with = Sign in with
scheme-till = Till username
scheme-oauth = OAuth client
username = Username
password = Password
client-key = Client key
client-secret = Client secret
show-secret = Show
lock-never = The screen never locks by itself. Set by your organisation.
lock-after-seconds = The screen locks after { $count ->
        [one] { $count } second
       *[other] { $count } seconds
    } without use. Set by your organisation.
lock-after-minutes = The screen locks after { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    } without use. Set by your organisation.
pinned = Set by your organisation
pinned-hover = Your IT department chose this for every user of this computer.
remember-password = Remember password on this computer
remember-password-hover = Kept in the system keyring, never in a file. Untick it and sign in to forget it.
keyring-checking = Checking the system keyring…
enrolment-switch = Offer enrolment of new customers here
enrolment-switch-hover = Ctrl+N and the offer under "No customer found"
language = Language
language-workstation = This computer's language ({ $language })

## Looking up

find-by = Find by
lookup-input = Customer identifier
kind-any = Any identifier
kind-mobile = Mobile
kind-email = Email
kind-card = Card number
kind-external-id = External ID
kind-customer-id = Customer ID
hint-any = Scan or type a card, mobile, email or name
hint-mobile = Mobile number
hint-card = Scan or type the card number
hint-customer-id = Capillary customer ID
look-up = Look up
cancel = Cancel
recent = Recent:
look-up-again = Look up again
capillary-busy = Capillary is busy, retrying…
suggestions = Customers with this name
searching-names = Searching names…
no-name-match = No customer's name starts with “{ $name }”. Enter looks it up as a card or ID.
suggestions-more = { $count } more: type more of the name. ↓/↑ to choose, Enter to open, Esc to close.
suggestions-keys = ↓/↑ to choose, Enter to open, Esc to close.

## The customer

profile-empty = Type or scan a mobile number, email or card number, then press Enter.
looking-up = Looking up { $kind }…
enrol-offer = Enrol as a new customer (Ctrl+N)
choice-heading = Several customers match. Choose one:
choice-keys = ↑/↓ to move, Enter to open, or click one.
found-by = Found by { $kind } { $value }
noun-mobile = mobile
noun-email = email
noun-card = card number
noun-external-id = external ID
noun-customer-id = customer ID
also-tried = ⚠ Also tried { $failure }
alert-fraud = FRAUD FLAG
alert-card = CARD { $status }
badge-card = Card { $number }: { $status }
badge-merged = Merged into another account
card-active = Card active
loyalty = Loyalty
purchases = Recent purchases
not-a-member = Not a loyalty member.
no-tier = No tier
points = { $count ->
        [one] { $count } point
       *[other] { $count } points
    }
next-tier = Next tier: { $tier }
no-purchases = No purchases yet.
loading-loyalty = Loading loyalty…
loading-purchases = Loading purchases…
loyalty-failed = The loyalty could not be loaded: { $message }
purchases-failed = The purchases could not be loaded: { $message }
loyalty-again = Try loyalty again
purchases-again = Try purchases again
photo-label = Customer photo
photo-enlarge = Click or press Space to enlarge
no-photo = No photo
photo-actions-hint = New photo: paste it (Ctrl+V) or drop a file on the window.
remove-photo-button = Remove photo…
take-photo-button = Take photo…
choose-file-button = Choose file…
take-photo-hover = Take a photo with the camera
choose-file-hover = Choose a picture file
fraud-banner = ⚠ Flagged for fraud ({ $reason }). Follow the store's procedure.
merged-banner = ⚠ This customer was merged into another account.
no-name = (no name)
marks-primary-verified = (primary, verified)
marks-primary-not-verified = (primary, not verified)
marks-verified = (verified)
marks-not-verified = (not verified)
identifier-card = Card
loyalty-type = Type
lifetime-purchases = Lifetime purchases
program = Program
program-tier = { $program }: tier
program-points = { $program }: points
member-since = Member since
last-changed = Last changed
registered-at = Registered at
section-contact = Contact
section-extended = Extended fields
section-custom = Custom fields
section-record = Record

## Enrolment

enrol-heading = Enrol a new customer
enrol-submit = Enrol (Enter)
enrol-cancel = Cancel (Esc)
enrol-intro = A mobile or an email is needed; the card number is optional.
enrolling = Enrolling…
first-name = First name
last-name = Last name
card-optional = Card number (optional)
error-first-name = Enter the customer's first name.
error-mobile-length = A mobile has { $min } to { $max } digits with the country code; this has { $count }.
error-mobile-digits = A mobile has only digits (spaces, dashes and a leading + are fine).
error-email = An email looks like name@example.com.
error-contact = Enter a mobile or an email: Capillary needs one to find the customer again.

## Notes from the app

locked-seconds = Locked after { $count ->
        [one] { $count } second
       *[other] { $count } seconds
    } without use. Sign in again.
locked-minutes = Locked after { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    } without use. Sign in again.
lookup-cancelled = Lookup cancelled.
copied = Copied
enrolment-off = Enrolment is turned off on this workstation.
not-enrolled = Not enrolled: { $reason }
enrolled-as = Enrolled as customer { $id }.
capillary-says = Capillary: { $words }.
enrolled = Enrolled
nothing-to-paste = Nothing to paste: the clipboard holds no text or picture.
no-photo-to-remove = This customer had no photo to remove.
photo-removed = Photo removed
photo-replaced = Photo replaced
older-photos-kept = The new photo is stored and shown, but { $count ->
        [one] { $count } older photo
       *[other] { $count } older photos
    } could not be removed{ $why }.
nothing-chosen = No file chosen. A picture can also be dropped on the window or pasted (Ctrl+V).
sign-in-refused = Your sign-in was refused. Please log in again.
enter-username = Enter the till username.
enter-password = Enter the password.
enter-client-key = Enter the client key.
enter-client-secret = Enter the client secret.
demo-did-not-start = The built-in demo could not start: { $why }

## What went wrong (Capillary, the network, the photo)

error-with-request-id = { $words } (request id { $id })
error-not-found = No customer found for that identifier. Check it and try again.
error-no-source = Capillary refused the lookup because no source was sent (code 8016). Report this to IT.
error-invalid-source = Capillary says the source is invalid (INSTORE). Ask IT to check the org's settings.
error-invalid-account = Capillary says the source account is invalid. Ask IT to check the org's settings.
error-unsupported-identifier-code = Capillary does not accept that identifier type for this org. Try another identifier.
error-account-id-required = Capillary asks for an account id for this source. Ask IT to check the org's settings.
error-merged = This customer was merged into another account. Look up the other account instead.
error-points-unavailable = The customer's points could not be loaded just now.
error-segments-unavailable = The customer's segments could not be loaded just now.
error-empty-identifier = Enter an identifier to look up.
error-no-access = These credentials may not view customer details. Ask IT for the right access group.
error-fraud = This customer is marked as fraud. Follow the store's procedure.
error-image-too-small = Capillary refused the photo as too small a file (under 10 KB). Take it again.
error-image-invalid = Capillary did not accept the photo as an image. Take it again or choose another file.
error-invalid-mobile = Capillary says this mobile is not valid for the org. Check the number and the country code.
error-invalid-email = Capillary says this email is not valid. Check it.
error-invalid-external-id = Capillary says the external ID is not valid.
error-no-primary-identifier = Capillary needs the identifier this org registers customers by (usually the mobile). Enter it.
error-no-image-to-delete = Capillary says no photo was named to remove. Look the customer up again and retry.
error-capillary-code = Capillary reported error { $code }.
error-capillary-code-message = Capillary reported error { $code }: { $message }
error-timeout = The server did not answer in time. Check the network connection and try again.
error-connection-refused = Could not connect to { $host }: the connection was refused. Check the host and port.
error-host-not-found = Could not find the server { $host }. Check the host name and the network connection.
error-insecure = The connection isn't secure ({ $detail }). Nothing was sent.
error-network = The network connection failed ({ $detail }).
error-too-many-redirects = The server redirected too many times (over { $count }), so the download was stopped.
error-redirected-away = The server redirected to another host. It was not followed, so your credentials were not sent there. Check the host.
error-unauthorized = Wrong username or password.
error-oauth = Could not sign in with this client key and secret ({ $message }).
error-forbidden = These credentials may not use the customer API. Ask IT to grant API access.
error-forbidden-message = These credentials may not use the customer API: { $message }. Ask IT to grant API access.
error-photo-change-refused = This till may not change photos. Ask IT for the permission, or use another till.
error-endpoint-not-found = The server does not offer the Capillary customer API. Check the host.
error-busy = Capillary is busy, try again in a moment.
error-rate-limited = Capillary is busy (too many requests from this store just now). Try again in a minute.
error-search-unavailable = Name search is not available for this organisation. Look customers up by mobile, email or card.
error-concurrent = Capillary is busy with another change to this customer, try again in a moment.
error-server = Capillary had a problem (HTTP { $status }). Try again; if it persists, contact support.
error-unexpected-status = The server gave an unexpected answer (HTTP { $status }).
error-empty-body = The server sent an empty answer. Try again.
error-not-json = The server did not answer like Capillary (it sent a web page, not data). Check the host, proxy or network.
error-bad-json = The server's answer could not be read ({ $detail }).
error-unsupported-identifier = This kind of identifier cannot be looked up. Try another one.
error-too-large = The server's answer was too large (over { $megabytes } MB) and was refused.
error-no-photo = This customer has no photo.
error-photo-unavailable = The photo is not available ({ $message }).
error-photo-expired = The photo link had expired. Look the customer up again.
error-photo-denied = The photo storage refused the download (HTTP { $status }). Look the customer up again.
error-code = (code { $code })
other-failure = as { $kind }: { $error }
lookup-failed-as = { $kind } { $value }: { $error }
list-separator = {", "}
not-found-tried = No customer found for { $value } (tried as { $kinds }).
not-found-name-hint = To find someone by name, type it and pick them from the suggestions with ↓ and Enter.
name-search-failed = Name search failed: { $why }

## The photo dialog

this-customer = this customer
photo-new = New photo of { $name }
photo-take = Take a photo of { $name }
photo-of = Photo of { $name }
photo-remove-question = Remove the photo of { $name }?
photo-remove-all = Every photo Capillary holds for this customer is removed.
choose-in-dialog = Choose the picture in the file dialog…
reading-picture = Reading the picture…
remove-photo-confirm = Remove photo (Enter)
keep-it = Keep it (Esc)
photo-not-changed = The photo was not changed
back-to-photo = Back to the photo (Enter)
close = Close (Esc)
photo-changed-problem = Photo changed, with a problem
ok = OK (Enter)
cancel-esc = Cancel (Esc)
crop-preview = Crop preview
crop-keys = Drag or use the arrow keys to move the frame; the wheel or + and − zoom.
use-photo = Use this photo (Enter)
rotate = Rotate 90° (R)
zoom-in = Zoom in (+)
zoom-out = Zoom out (−)
retake = Retake (Backspace)
choose-another = Choose another…
start-over = To start over, paste (Ctrl+V) or drop another picture.
camera-picture = Camera picture
take-photo-confirm = Take photo (Enter)
camera = Camera
starting-camera = Starting the camera…
preparing-photo = Preparing the photo…
uploading-photo = Uploading the photo ({ $kilobytes } KB)…
removing-older-photo = Removing the older photo…
removing-photo = Removing the photo…

## What was typed, the host, the keyring, the camera

input-empty = Type or scan a mobile number, email or card number first.
input-bad-mobile = A mobile number has only digits (with an optional + and country code).
input-bad-email = That email address is missing an @ or a domain.
input-bad-customer-id = A customer ID is a whole number.
input-bad-spec = Use TYPE:VALUE, where TYPE is mobile, email, card, external or id.
host-empty = Enter the Capillary API host, for example https://eu.api.capillarytech.com.
host-invalid = "{ $host }" is not a valid web address. Check the host for typos.
host-not-https = The host must start with https:// (plain http:// is allowed only for this computer, e.g. http://127.0.0.1).
host-unsupported-scheme = Only https:// hosts are supported.
host-has-extras = Enter just the host (like https://eu.api.capillarytech.com), without a path, user name or query.
keyring-none = This computer has no system keyring, so passwords can't be remembered.
keyring-locked = The system keyring is locked or refused access, so passwords can't be remembered.
keyring-not-running = No system keyring (Secret Service, such as GNOME Keyring) is running, so passwords can't be remembered.
keyring-failed = The system keyring failed, so passwords can't be remembered.
keyring-bad-encoding = The remembered password could not be read.
keyring-refused = The system keyring refused the entry ({ $why }).
keyring-crashed = The system keyring could not be asked.
camera-none = No camera was found. Connect one, or paste or drop a photo instead.
camera-denied = The camera may not be used by this program. Allow camera access in the system's privacy settings, or ask IT.
camera-unsupported = Taking photos with a camera is not available in this version. Paste (Ctrl+V) or drop a photo instead.
camera-failed = The camera stopped working ({ $why }).

## Pictures that cannot be shown or sent

photo-unsupported = This photo's format ({ $format }) isn't supported.
photo-web-page = The photo link returned a web page, not a photo.
photo-pdf = The photo link returned a PDF document, not a photo.
photo-empty = The photo file is empty.
photo-unknown = The photo isn't in a format this app knows.
photo-too-large = The photo is too large to show ({ $width }×{ $height } pixels).
photo-corrupt = The photo couldn't be read ({ $why }).
photo-unreadable = The photo couldn't be read.
upload-too-small = This photo is too small: { $width }×{ $height }; at least { $min } px on the short side.
upload-file-too-large = This file is too large to upload ({ $megabytes } MB; at most 49 MB).
upload-nearly-blank = This photo is nearly blank; take it again.
upload-cannot-shrink = This photo could not be made small enough to upload; take it again.
upload-encoding = The photo could not be encoded ({ $why }).
upload-unreadable = The file could not be read ({ $why }).

## customer-lookup doctor and customer-lookup photo (the terminal)

doctor-heading = Customer Lookup doctor
doctor-passed = All checks passed.
doctor-failed = A check failed: see the line marked FAIL.
doctor-step-policy = policy
doctor-step-host = host
doctor-step-credentials = credentials
doctor-step-lookup = customer lookup
doctor-step-download = photo download
doctor-step-decode = photo decode
doctor-give-user = Give --user (till) or --client-key (OAuth).
doctor-give-host = Give --host (or set CUSTOMER_LOOKUP_HOST).
doctor-host-pinned = { $host } (set by your organisation)
doctor-host-pinned-overruled = { $host } (set by your organisation; --host ignored)
doctor-accepted = accepted for { $principal }
doctor-found = found customer { $id }
doctor-no-id = (no id)
doctor-bytes = { $bytes } bytes
doctor-bytes-refreshed = { $bytes } bytes (the first link had expired; a fresh one worked)
doctor-no-photo = the customer has no photo
prompt-password = Password for { $user }:
prompt-client-secret = Client secret for { $key }:
no-terminal = No terminal to ask for it: set { $variable }.
cli-photo-changes-off = Photo changes are switched off on this workstation by your organisation ({ $source }).
cli-no-customer-id = Capillary's answer names no customer ID.
cli-photo-replaced = Photo replaced for customer { $id } ({ $width }×{ $height }, { $bytes } bytes).
cli-older-photos-kept = The new photo is stored and shown for customer { $id }, but { $count ->
        [one] { $count } older photo
       *[other] { $count } older photos
    } could not be removed{ $why }.
cli-no-photo = Customer { $id } has no photo; nothing to remove.
cli-photo-removed = Photo removed for customer { $id }.
cli-cannot-read = { $file }: cannot be read: { $why }
