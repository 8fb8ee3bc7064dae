# Customer Lookup: हिन्दी (Hindi). The ids are those of en.ftl; a test
# checks that none is missing or extra. Numbers keep Latin digits and
# Indian grouping (1,23,456).

## The window

app-name = ग्राहक खोज
policy-error-heading = ग्राहक खोज शुरू नहीं हो सकता
quit = बंद करें
log-out = लॉग आउट
log-out-hover = लॉग आउट ({ $shortcut }): ग्राहक का डेटा मेमोरी से मिटा देता है
theme = थीम
theme-system = सिस्टम
theme-light = हल्की
theme-dark = गहरी
status-server = सर्वर: { $server }
status-user = उपयोगकर्ता: { $user }
status-signed-out = साइन इन नहीं है
status-failed-request = पिछले विफल अनुरोध की आईडी: { $id }
photo-enlarged-close = बंद करने के लिए क्लिक करें या Esc दबाएँ
drop-hint = नई फ़ोटो के रूप में इस्तेमाल करने के लिए तस्वीर यहाँ छोड़ें

## Dates: "20 नव॰ 2026, 16:35"

date-time = { $day } { $month } { $year }, { $time }
date-time-month-first = { $month } { $day }, { $year }, { $time }
month-1 = जन॰
month-2 = फ़र॰
month-3 = मार्च
month-4 = अप्रैल
month-5 = मई
month-6 = जून
month-7 = जुल॰
month-8 = अग॰
month-9 = सित॰
month-10 = अक्तू॰
month-11 = नव॰
month-12 = दिस॰

## Signing in

sign-in = साइन इन करें
sign-in-intro = स्टोर के Capillary क्रेडेंशियल इस्तेमाल करें।
log-in = लॉग इन
checking-credentials = क्रेडेंशियल जाँचे जा रहे हैं…
demo-hint = डेमो: साइन इन करें, फिर मोबाइल 919800000001 या 918877665544 आज़माएँ।
host-demo = अंतर्निहित डेमो
host-custom = अपना URL…
server = सर्वर
host-url = होस्ट URL
sign-in-with = साइन इन का तरीका
scheme-till = टिल उपयोगकर्ता नाम
scheme-oauth = OAuth क्लाइंट
username = उपयोगकर्ता नाम
password = पासवर्ड
client-key = क्लाइंट कुंजी
client-secret = क्लाइंट सीक्रेट
show-secret = दिखाएँ
lock-never = स्क्रीन अपने-आप कभी लॉक नहीं होती। आपके संगठन ने तय किया है।
lock-after-seconds = इस्तेमाल न होने पर स्क्रीन { $count } सेकंड बाद लॉक हो जाती है। आपके संगठन ने तय किया है।
lock-after-minutes = इस्तेमाल न होने पर स्क्रीन { $count } मिनट बाद लॉक हो जाती है। आपके संगठन ने तय किया है।
pinned = आपके संगठन ने तय किया है
pinned-hover = आपके IT विभाग ने इस कंप्यूटर के हर उपयोगकर्ता के लिए यह चुना है।
remember-password = इस कंप्यूटर पर पासवर्ड याद रखें
remember-password-hover = सिस्टम कीरिंग में रखा जाता है, किसी फ़ाइल में कभी नहीं। भुलाने के लिए इसे हटाकर साइन इन करें।
keyring-checking = सिस्टम कीरिंग जाँची जा रही है…
enrolment-switch = यहाँ नए ग्राहकों का नामांकन करने दें
enrolment-switch-hover = Ctrl+N और "कोई ग्राहक नहीं मिला" के नीचे का विकल्प
language = भाषा
language-workstation = इस कंप्यूटर की भाषा ({ $language })

## Looking up

find-by = खोजें
lookup-input = ग्राहक पहचानकर्ता
kind-any = कोई भी पहचानकर्ता
kind-mobile = मोबाइल
kind-email = ईमेल
kind-card = कार्ड नंबर
kind-external-id = बाहरी आईडी
kind-customer-id = ग्राहक आईडी
hint-any = कार्ड, मोबाइल, ईमेल या नाम स्कैन करें या लिखें
hint-mobile = मोबाइल नंबर
hint-card = कार्ड नंबर स्कैन करें या लिखें
hint-customer-id = Capillary ग्राहक आईडी
look-up = खोजें
cancel = रद्द करें
recent = हाल के:
look-up-again = फिर से खोजें
capillary-busy = Capillary व्यस्त है, फिर कोशिश हो रही है…
suggestions = इस नाम वाले ग्राहक
searching-names = नाम खोजे जा रहे हैं…
no-name-match = किसी ग्राहक का नाम “{ $name }” से शुरू नहीं होता। Enter इसे कार्ड या आईडी के रूप में खोजता है।
suggestions-more = { $count } और: नाम का और हिस्सा लिखें। चुनने के लिए ↓/↑, खोलने के लिए Enter, बंद करने के लिए Esc।
suggestions-keys = चुनने के लिए ↓/↑, खोलने के लिए Enter, बंद करने के लिए Esc।

## The customer

profile-empty = मोबाइल नंबर, ईमेल या कार्ड नंबर लिखें या स्कैन करें, फिर Enter दबाएँ।
looking-up = { $kind } से खोजा जा रहा है…
enrol-offer = नए ग्राहक के रूप में नामांकन करें (Ctrl+N)
choice-heading = कई ग्राहक मेल खाते हैं। एक चुनें:
choice-keys = चलने के लिए ↑/↓, खोलने के लिए Enter, या किसी पर क्लिक करें।
found-by = { $kind } { $value } से मिला
noun-mobile = मोबाइल
noun-email = ईमेल
noun-card = कार्ड नंबर
noun-external-id = बाहरी आईडी
noun-customer-id = ग्राहक आईडी
also-tried = ⚠ यह भी आज़माया: { $failure }
alert-fraud = धोखाधड़ी का निशान
alert-card = कार्ड { $status }
badge-card = कार्ड { $number }: { $status }
badge-merged = दूसरे खाते में मिला दिया गया
card-active = कार्ड सक्रिय
loyalty = लॉयल्टी
purchases = हाल की ख़रीदारी
not-a-member = लॉयल्टी सदस्य नहीं।
no-tier = कोई टियर नहीं
points = { $count ->
        [one] { $count } पॉइंट
       *[other] { $count } पॉइंट
    }
next-tier = अगला टियर: { $tier }
no-purchases = अभी तक कोई ख़रीदारी नहीं।
loading-loyalty = लॉयल्टी लोड हो रही है…
loading-purchases = ख़रीदारी लोड हो रही है…
loyalty-failed = लॉयल्टी लोड नहीं हो सकी: { $message }
purchases-failed = ख़रीदारी लोड नहीं हो सकी: { $message }
loyalty-again = लॉयल्टी फिर से लाएँ
purchases-again = ख़रीदारी फिर से लाएँ
photo-label = ग्राहक की फ़ोटो
photo-enlarge = बड़ा करने के लिए क्लिक करें या Space दबाएँ
no-photo = कोई फ़ोटो नहीं
photo-actions-hint = नई फ़ोटो: चिपकाएँ (Ctrl+V) या फ़ाइल विंडो पर छोड़ें।
remove-photo-button = फ़ोटो हटाएँ…
take-photo-button = फ़ोटो लें…
choose-file-button = फ़ाइल चुनें…
take-photo-hover = कैमरे से फ़ोटो लें
choose-file-hover = तस्वीर की फ़ाइल चुनें
fraud-banner = ⚠ धोखाधड़ी के लिए चिह्नित ({ $reason })। स्टोर की प्रक्रिया अपनाएँ।
merged-banner = ⚠ यह ग्राहक दूसरे खाते में मिला दिया गया है।
no-name = (कोई नाम नहीं)
marks-primary-verified = (मुख्य, सत्यापित)
marks-primary-not-verified = (मुख्य, सत्यापित नहीं)
marks-verified = (सत्यापित)
marks-not-verified = (सत्यापित नहीं)
identifier-card = कार्ड
loyalty-type = प्रकार
lifetime-purchases = कुल ख़रीदारी
program = कार्यक्रम
program-tier = { $program }: टियर
program-points = { $program }: पॉइंट
member-since = सदस्य कब से
last-changed = पिछला बदलाव
registered-at = पंजीकरण स्थान
section-contact = संपर्क
section-extended = अतिरिक्त फ़ील्ड
section-custom = कस्टम फ़ील्ड
section-record = रिकॉर्ड

## Enrolment

enrol-heading = नए ग्राहक का नामांकन
enrol-submit = नामांकन करें (Enter)
enrol-cancel = रद्द करें (Esc)
enrol-intro = मोबाइल या ईमेल ज़रूरी है; कार्ड नंबर वैकल्पिक है।
enrolling = नामांकन हो रहा है…
first-name = पहला नाम
last-name = उपनाम
card-optional = कार्ड नंबर (वैकल्पिक)
error-first-name = ग्राहक का पहला नाम लिखें।
error-mobile-length = देश कोड सहित मोबाइल में { $min } से { $max } अंक होते हैं; इसमें { $count } हैं।
error-mobile-digits = मोबाइल में केवल अंक होते हैं (स्पेस, डैश और शुरू में + चल जाते हैं)।
error-email = ईमेल name@example.com जैसा दिखता है।
error-contact = मोबाइल या ईमेल लिखें: ग्राहक को फिर से ढूँढने के लिए Capillary को इनमें से एक चाहिए।

## Notes from the app

locked-seconds = { $count } सेकंड तक इस्तेमाल न होने पर लॉक हुआ। फिर से साइन इन करें।
locked-minutes = { $count } मिनट तक इस्तेमाल न होने पर लॉक हुआ। फिर से साइन इन करें।
lookup-cancelled = खोज रद्द की गई।
copied = कॉपी किया गया
enrolment-off = इस कंप्यूटर पर नामांकन बंद है।
not-enrolled = नामांकन नहीं हुआ: { $reason }
enrolled-as = ग्राहक { $id } के रूप में नामांकित।
capillary-says = Capillary: { $words }।
enrolled = नामांकित
nothing-to-paste = चिपकाने को कुछ नहीं: क्लिपबोर्ड में न कोई टेक्स्ट है न तस्वीर।
no-photo-to-remove = इस ग्राहक की कोई फ़ोटो हटाने को नहीं थी।
photo-removed = फ़ोटो हटाई गई
photo-replaced = फ़ोटो बदली गई
older-photos-kept = नई फ़ोटो सहेजी और दिखाई गई है, पर { $count } पुरानी फ़ोटो हटाई नहीं जा सकीं{ $why }।
nothing-chosen = कोई फ़ाइल नहीं चुनी गई। तस्वीर विंडो पर छोड़ी या चिपकाई (Ctrl+V) भी जा सकती है।
sign-in-refused = आपका साइन इन अस्वीकार हुआ। कृपया फिर से लॉग इन करें।
enter-username = टिल उपयोगकर्ता नाम लिखें।
enter-password = पासवर्ड लिखें।
enter-client-key = क्लाइंट कुंजी लिखें।
enter-client-secret = क्लाइंट सीक्रेट लिखें।
demo-did-not-start = बिल्ट-इन डेमो शुरू नहीं हो सका: { $why }

## What went wrong (Capillary, the network, the photo)

error-with-request-id = { $words } (अनुरोध आईडी { $id })
error-not-found = इस पहचानकर्ता से कोई ग्राहक नहीं मिला। जाँचकर फिर कोशिश करें।
error-no-source = कोई स्रोत न भेजे जाने से Capillary ने खोज अस्वीकार की (कोड 8016)। IT को बताएँ।
error-invalid-source = Capillary के अनुसार स्रोत (INSTORE) अमान्य है। IT से संगठन की सेटिंग जाँचने को कहें।
error-invalid-account = Capillary के अनुसार स्रोत खाता अमान्य है। IT से संगठन की सेटिंग जाँचने को कहें।
error-unsupported-identifier-code = Capillary इस संगठन के लिए यह पहचानकर्ता प्रकार स्वीकार नहीं करता। कोई दूसरा पहचानकर्ता आज़माएँ।
error-account-id-required = Capillary इस स्रोत के लिए खाता आईडी माँगता है। IT से संगठन की सेटिंग जाँचने को कहें।
error-merged = यह ग्राहक दूसरे खाते में मिला दिया गया है। वह दूसरा खाता खोजें।
error-points-unavailable = ग्राहक के पॉइंट अभी लोड नहीं हो सके।
error-segments-unavailable = ग्राहक के सेगमेंट अभी लोड नहीं हो सके।
error-empty-identifier = खोजने के लिए कोई पहचानकर्ता लिखें।
error-no-access = ये क्रेडेंशियल ग्राहक का विवरण नहीं देख सकते। IT से सही एक्सेस समूह माँगें।
error-fraud = यह ग्राहक धोखाधड़ी के रूप में चिह्नित है। स्टोर की प्रक्रिया अपनाएँ।
error-image-too-small = Capillary ने फ़ोटो को बहुत छोटी फ़ाइल (10 KB से कम) बताकर अस्वीकार किया। फिर से लें।
error-image-invalid = Capillary ने फ़ोटो को तस्वीर के रूप में स्वीकार नहीं किया। फिर से लें या दूसरी फ़ाइल चुनें।
error-invalid-mobile = Capillary के अनुसार यह मोबाइल संगठन के लिए मान्य नहीं है। नंबर और देश कोड जाँचें।
error-invalid-email = Capillary के अनुसार यह ईमेल मान्य नहीं है। इसे जाँचें।
error-invalid-external-id = Capillary के अनुसार बाहरी आईडी मान्य नहीं है।
error-no-primary-identifier = Capillary को वह पहचानकर्ता चाहिए जिससे यह संगठन ग्राहक पंजीकृत करता है (आम तौर पर मोबाइल)। उसे लिखें।
error-no-image-to-delete = Capillary के अनुसार हटाने के लिए कोई फ़ोटो नहीं बताई गई। ग्राहक को फिर से खोजें और दोबारा कोशिश करें।
error-capillary-code = Capillary ने त्रुटि { $code } बताई।
error-capillary-code-message = Capillary ने त्रुटि { $code } बताई: { $message }
error-timeout = सर्वर ने समय पर जवाब नहीं दिया। नेटवर्क कनेक्शन जाँचकर फिर कोशिश करें।
error-connection-refused = { $host } से कनेक्ट नहीं हो सका: कनेक्शन अस्वीकार हुआ। होस्ट और पोर्ट जाँचें।
error-host-not-found = सर्वर { $host } नहीं मिला। होस्ट का नाम और नेटवर्क कनेक्शन जाँचें।
error-insecure = कनेक्शन सुरक्षित नहीं है ({ $detail })। कुछ भी नहीं भेजा गया।
error-network = नेटवर्क कनेक्शन विफल रहा ({ $detail })।
error-too-many-redirects = सर्वर ने बहुत बार ({ $count } से ज़्यादा) रीडायरेक्ट किया, इसलिए डाउनलोड रोक दिया गया।
error-redirected-away = सर्वर ने किसी दूसरे होस्ट पर भेजा। उसका पालन नहीं किया गया, इसलिए आपके क्रेडेंशियल वहाँ नहीं भेजे गए। होस्ट जाँचें।
error-unauthorized = उपयोगकर्ता नाम या पासवर्ड ग़लत है।
error-oauth = इस क्लाइंट कुंजी और सीक्रेट से साइन इन नहीं हो सका ({ $message })।
error-forbidden = ये क्रेडेंशियल ग्राहक API का उपयोग नहीं कर सकते। IT से API एक्सेस देने को कहें।
error-forbidden-message = ये क्रेडेंशियल ग्राहक API का उपयोग नहीं कर सकते: { $message }। IT से API एक्सेस देने को कहें।
error-photo-change-refused = यह टिल फ़ोटो नहीं बदल सकता। IT से अनुमति माँगें, या दूसरा टिल इस्तेमाल करें।
error-endpoint-not-found = यह सर्वर Capillary ग्राहक API नहीं देता। होस्ट जाँचें।
error-busy = Capillary व्यस्त है, थोड़ी देर में फिर कोशिश करें।
error-rate-limited = Capillary व्यस्त है (इस स्टोर से अभी बहुत ज़्यादा अनुरोध)। एक मिनट में फिर कोशिश करें।
error-search-unavailable = इस संगठन के लिए नाम से खोज उपलब्ध नहीं है। ग्राहकों को मोबाइल, ईमेल या कार्ड से खोजें।
error-concurrent = Capillary इस ग्राहक के किसी दूसरे बदलाव में व्यस्त है, थोड़ी देर में फिर कोशिश करें।
error-server = Capillary में समस्या आई (HTTP { $status })। फिर कोशिश करें; बनी रहे तो सहायता से संपर्क करें।
error-unexpected-status = सर्वर ने अनपेक्षित जवाब दिया (HTTP { $status })।
error-empty-body = सर्वर ने ख़ाली जवाब भेजा। फिर कोशिश करें।
error-not-json = सर्वर ने Capillary की तरह जवाब नहीं दिया (उसने डेटा की जगह वेब पेज भेजा)। होस्ट, प्रॉक्सी या नेटवर्क जाँचें।
error-bad-json = सर्वर का जवाब पढ़ा नहीं जा सका ({ $detail })।
error-unsupported-identifier = इस तरह के पहचानकर्ता से खोज नहीं हो सकती। कोई दूसरा आज़माएँ।
error-too-large = सर्वर का जवाब बहुत बड़ा था ({ $megabytes } MB से ज़्यादा) और अस्वीकार कर दिया गया।
error-no-photo = इस ग्राहक की कोई फ़ोटो नहीं है।
error-photo-unavailable = फ़ोटो उपलब्ध नहीं है ({ $message })।
error-photo-expired = फ़ोटो का लिंक समाप्त हो गया था। ग्राहक को फिर से खोजें।
error-photo-denied = फ़ोटो स्टोरेज ने डाउनलोड अस्वीकार किया (HTTP { $status })। ग्राहक को फिर से खोजें।
error-code = (कोड { $code })
other-failure = { $kind } के रूप में: { $error }
lookup-failed-as = { $kind } { $value }: { $error }
list-separator = {", "}
not-found-tried = { $value } के लिए कोई ग्राहक नहीं मिला ({ $kinds } के रूप में आज़माया)।
not-found-name-hint = किसी को नाम से ढूँढने के लिए नाम लिखें और सुझावों में से ↓ और Enter से चुनें।
name-search-failed = नाम से खोज विफल रही: { $why }

## The photo dialog

this-customer = इस ग्राहक
photo-new = { $name } की नई फ़ोटो
photo-take = { $name } की फ़ोटो लें
photo-of = { $name } की फ़ोटो
photo-remove-question = { $name } की फ़ोटो हटाएँ?
photo-remove-all = Capillary में इस ग्राहक की सभी फ़ोटो हटा दी जाती हैं।
choose-in-dialog = फ़ाइल डायलॉग में तस्वीर चुनें…
reading-picture = तस्वीर पढ़ी जा रही है…
remove-photo-confirm = फ़ोटो हटाएँ (Enter)
keep-it = रहने दें (Esc)
photo-not-changed = फ़ोटो नहीं बदली गई
back-to-photo = फ़ोटो पर वापस (Enter)
close = बंद करें (Esc)
photo-changed-problem = फ़ोटो बदली गई, एक समस्या के साथ
ok = ठीक है (Enter)
cancel-esc = रद्द करें (Esc)
crop-preview = क्रॉप पूर्वावलोकन
crop-keys = फ़्रेम खिसकाने के लिए खींचें या तीर कुंजियाँ इस्तेमाल करें; व्हील या + और − से ज़ूम करें।
use-photo = यह फ़ोटो इस्तेमाल करें (Enter)
rotate = 90° घुमाएँ (R)
zoom-in = ज़ूम इन (+)
zoom-out = ज़ूम आउट (−)
retake = फिर से लें (Backspace)
choose-another = दूसरी चुनें…
start-over = फिर से शुरू करने के लिए दूसरी तस्वीर चिपकाएँ (Ctrl+V) या छोड़ें।
camera-picture = कैमरे की तस्वीर
take-photo-confirm = फ़ोटो लें (Enter)
camera = कैमरा
starting-camera = कैमरा शुरू हो रहा है…
preparing-photo = फ़ोटो तैयार हो रही है…
uploading-photo = फ़ोटो अपलोड हो रही है ({ $kilobytes } KB)…
removing-older-photo = पुरानी फ़ोटो हटाई जा रही है…
removing-photo = फ़ोटो हटाई जा रही है…

## What was typed, the host, the keyring, the camera

input-empty = पहले मोबाइल नंबर, ईमेल या कार्ड नंबर लिखें या स्कैन करें।
input-bad-mobile = मोबाइल नंबर में केवल अंक होते हैं (वैकल्पिक + और देश कोड के साथ)।
input-bad-email = इस ईमेल पते में @ या डोमेन नहीं है।
input-bad-customer-id = ग्राहक आईडी एक पूर्ण संख्या होती है।
input-bad-spec = TYPE:VALUE लिखें, जहाँ TYPE mobile, email, card, external या id है।
host-empty = Capillary API होस्ट लिखें, जैसे https://eu.api.capillarytech.com।
host-invalid = "{ $host }" मान्य वेब पता नहीं है। होस्ट में टाइपिंग की ग़लती जाँचें।
host-not-https = होस्ट https:// से शुरू होना चाहिए (सादा http:// केवल इसी कंप्यूटर के लिए चलता है, जैसे http://127.0.0.1)।
host-unsupported-scheme = केवल https:// होस्ट समर्थित हैं।
host-has-extras = केवल होस्ट लिखें (जैसे https://eu.api.capillarytech.com), बिना पाथ, उपयोगकर्ता नाम या क्वेरी के।
keyring-none = इस कंप्यूटर में सिस्टम कीरिंग नहीं है, इसलिए पासवर्ड याद नहीं रखे जा सकते।
keyring-locked = सिस्टम कीरिंग लॉक है या उसने पहुँच से मना किया, इसलिए पासवर्ड याद नहीं रखे जा सकते।
keyring-not-running = कोई सिस्टम कीरिंग (Secret Service, जैसे GNOME Keyring) नहीं चल रही, इसलिए पासवर्ड याद नहीं रखे जा सकते।
keyring-failed = सिस्टम कीरिंग विफल रही, इसलिए पासवर्ड याद नहीं रखे जा सकते।
keyring-bad-encoding = याद रखा गया पासवर्ड पढ़ा नहीं जा सका।
keyring-refused = सिस्टम कीरिंग ने प्रविष्टि अस्वीकार की ({ $why })।
keyring-crashed = सिस्टम कीरिंग से पूछा नहीं जा सका।
camera-none = कोई कैमरा नहीं मिला। कैमरा लगाएँ, या इसके बजाय फ़ोटो चिपकाएँ या छोड़ें।
camera-denied = यह प्रोग्राम कैमरा इस्तेमाल नहीं कर सकता। सिस्टम की गोपनीयता सेटिंग में कैमरे की अनुमति दें, या IT से पूछें।
camera-unsupported = इस संस्करण में कैमरे से फ़ोटो लेना उपलब्ध नहीं है। इसके बजाय फ़ोटो चिपकाएँ (Ctrl+V) या छोड़ें।
camera-failed = कैमरे ने काम करना बंद कर दिया ({ $why })।

## Pictures that cannot be shown or sent

photo-unsupported = इस फ़ोटो का प्रारूप ({ $format }) समर्थित नहीं है।
photo-web-page = फ़ोटो के लिंक ने फ़ोटो की जगह वेब पेज लौटाया।
photo-pdf = फ़ोटो के लिंक ने फ़ोटो की जगह PDF दस्तावेज़ लौटाया।
photo-empty = फ़ोटो की फ़ाइल ख़ाली है।
photo-unknown = यह फ़ोटो ऐसे प्रारूप में है जिसे यह ऐप नहीं जानता।
photo-too-large = फ़ोटो दिखाने के लिए बहुत बड़ी है ({ $width }×{ $height } पिक्सेल)।
photo-corrupt = फ़ोटो पढ़ी नहीं जा सकी ({ $why })।
photo-unreadable = फ़ोटो पढ़ी नहीं जा सकी।
upload-too-small = यह फ़ोटो बहुत छोटी है: { $width }×{ $height }; छोटी भुजा पर कम से कम { $min } px चाहिए।
upload-file-too-large = यह फ़ाइल अपलोड के लिए बहुत बड़ी है ({ $megabytes } MB; अधिकतम 49 MB)।
upload-nearly-blank = यह फ़ोटो लगभग ख़ाली है; फिर से लें।
upload-cannot-shrink = यह फ़ोटो अपलोड लायक छोटी नहीं की जा सकी; फिर से लें।
upload-encoding = फ़ोटो एन्कोड नहीं हो सकी ({ $why })।
upload-unreadable = फ़ाइल पढ़ी नहीं जा सकी ({ $why })।

## customer-lookup doctor and customer-lookup photo (the terminal)

doctor-heading = ग्राहक खोज डॉक्टर
doctor-passed = सभी जाँचें सफल रहीं।
doctor-failed = एक जाँच विफल रही: FAIL वाली पंक्ति देखें।
doctor-step-policy = नीति
doctor-step-host = होस्ट
doctor-step-credentials = क्रेडेंशियल
doctor-step-lookup = ग्राहक खोज
doctor-step-download = फ़ोटो डाउनलोड
doctor-step-decode = फ़ोटो डिकोड
doctor-give-user = --user (टिल) या --client-key (OAuth) दें।
doctor-give-host = --host दें (या CUSTOMER_LOOKUP_HOST सेट करें)।
doctor-host-pinned = { $host } (आपके संगठन ने तय किया)
doctor-host-pinned-overruled = { $host } (आपके संगठन ने तय किया; --host अनदेखा)
doctor-accepted = { $principal } के लिए स्वीकार
doctor-found = ग्राहक { $id } मिला
doctor-no-id = (कोई आईडी नहीं)
doctor-bytes = { $bytes } बाइट
doctor-bytes-refreshed = { $bytes } बाइट (पहला लिंक समाप्त हो गया था; नया लिंक चला)
doctor-no-photo = ग्राहक की कोई फ़ोटो नहीं है
prompt-password = { $user } का पासवर्ड:
prompt-client-secret = { $key } का क्लाइंट सीक्रेट:
no-terminal = पूछने के लिए कोई टर्मिनल नहीं: { $variable } सेट करें।
cli-photo-changes-off = आपके संगठन ने इस कंप्यूटर पर फ़ोटो बदलना बंद किया है ({ $source })।
cli-no-customer-id = Capillary के जवाब में कोई ग्राहक आईडी नहीं है।
cli-photo-replaced = ग्राहक { $id } की फ़ोटो बदली गई ({ $width }×{ $height }, { $bytes } बाइट)।
cli-older-photos-kept = ग्राहक { $id } की नई फ़ोटो सहेजी और दिखाई गई है, पर { $count } पुरानी फ़ोटो हटाई नहीं जा सकीं{ $why }।
cli-no-photo = ग्राहक { $id } की कोई फ़ोटो नहीं है; हटाने को कुछ नहीं।
cli-photo-removed = ग्राहक { $id } की फ़ोटो हटाई गई।
cli-cannot-read = { $file }: पढ़ी नहीं जा सकी: { $why }
