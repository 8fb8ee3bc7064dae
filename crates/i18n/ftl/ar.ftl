# Customer Lookup: العربية (Arabic). The ids are those of en.ftl; a test
# checks that none is missing or extra. The layout is mirrored; numbers
# keep the Latin digits stores use.

## The window

app-name = البحث عن العملاء
policy-error-heading = لا يمكن تشغيل البحث عن العملاء
quit = إنهاء
log-out = تسجيل الخروج
log-out-hover = تسجيل الخروج ({ $shortcut }): يمحو بيانات العملاء من الذاكرة
theme = المظهر
theme-system = النظام
theme-light = فاتح
theme-dark = داكن
status-server = الخادم: { $server }
status-user = المستخدم: { $user }
status-signed-out = لم يتم تسجيل الدخول
status-failed-request = معرّف آخر طلب فاشل: { $id }
photo-enlarged-close = انقر أو اضغط Esc للإغلاق
drop-hint = أفلت الصورة لاستخدامها صورةً جديدة

## Dates: "20 نوفمبر 2026، 16:35"

date-time = { $day } { $month } { $year }، { $time }
date-time-month-first = { $day } { $month } { $year }، { $time }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## Signing in

sign-in = تسجيل الدخول
sign-in-intro = استخدم بيانات اعتماد Capillary الخاصة بالمتجر.
log-in = دخول
checking-credentials = جارٍ التحقق من بيانات الاعتماد…
demo-hint = تجربة: سجّل الدخول ثم جرّب الجوال 919800000001 أو 918877665544.
host-demo = العرض التجريبي المدمج
host-custom = عنوان مخصص…
server = الخادم
host-url = عنوان الخادم
sign-in-with = الدخول باستخدام
scheme-till = اسم مستخدم نقطة البيع
scheme-oauth = عميل OAuth
username = اسم المستخدم
password = كلمة المرور
client-key = مفتاح العميل
client-secret = سر العميل
show-secret = إظهار
lock-never = لا تُقفل الشاشة من تلقاء نفسها. حددته مؤسستك.
lock-after-seconds = تُقفل الشاشة بعد { $count ->
        [zero] { $count } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $count } ثوانٍ
        [many] { $count } ثانية
       *[other] { $count } ثانية
    } دون استخدام. حددته مؤسستك.
lock-after-minutes = تُقفل الشاشة بعد { $count ->
        [zero] { $count } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    } دون استخدام. حددته مؤسستك.
pinned = حددته مؤسستك
pinned-hover = اختار قسم تقنية المعلومات هذا لكل مستخدمي هذا الحاسوب.
remember-password = تذكّر كلمة المرور على هذا الحاسوب
remember-password-hover = تُحفظ في سلسلة مفاتيح النظام، وليس في ملف أبدًا. ألغِ التحديد وسجّل الدخول لنسيانها.
keyring-checking = جارٍ فحص سلسلة مفاتيح النظام…
enrolment-switch = السماح بتسجيل عملاء جدد هنا
enrolment-switch-hover = Ctrl+N والعرض تحت "لم يُعثر على عميل"
language = اللغة
language-workstation = لغة هذا الحاسوب ({ $language })

## Looking up

find-by = البحث بـ
lookup-input = معرّف العميل
kind-any = أي معرّف
kind-mobile = الجوال
kind-email = البريد الإلكتروني
kind-card = رقم البطاقة
kind-external-id = المعرّف الخارجي
kind-customer-id = رقم العميل
hint-any = امسح أو اكتب بطاقة أو جوالًا أو بريدًا أو اسمًا
hint-mobile = رقم الجوال
hint-card = امسح أو اكتب رقم البطاقة
hint-customer-id = رقم العميل في Capillary
look-up = بحث
cancel = إلغاء
recent = الأخيرة:
look-up-again = ابحث مرة أخرى
capillary-busy = Capillary مشغول، تجري إعادة المحاولة…
suggestions = عملاء بهذا الاسم
searching-names = جارٍ البحث في الأسماء…
no-name-match = لا يبدأ اسم أي عميل بـ “{ $name }”. يبحث Enter عنه كبطاقة أو معرّف.
suggestions-more = { $count } غيرهم: اكتب المزيد من الاسم. ↓/↑ للاختيار، Enter للفتح، Esc للإغلاق.
suggestions-keys = ↓/↑ للاختيار، Enter للفتح، Esc للإغلاق.

## The customer

profile-empty = اكتب أو امسح رقم جوال أو بريدًا أو رقم بطاقة، ثم اضغط Enter.
looking-up = جارٍ البحث بـ{ $kind }…
enrol-offer = تسجيله عميلًا جديدًا (Ctrl+N)
choice-heading = يطابق عدة عملاء. اختر واحدًا:
choice-keys = ↑/↓ للتنقل، Enter للفتح، أو انقر على أحدهم.
found-by = عُثر عليه بـ{ $kind } { $value }
noun-mobile = الجوال
noun-email = البريد الإلكتروني
noun-card = رقم البطاقة
noun-external-id = المعرّف الخارجي
noun-customer-id = رقم العميل
also-tried = ⚠ جُرّب أيضًا { $failure }
alert-fraud = علامة احتيال
alert-card = البطاقة { $status }
badge-card = البطاقة { $number }: { $status }
badge-merged = دُمج في حساب آخر
card-active = البطاقة فعّالة
loyalty = الولاء
purchases = المشتريات الأخيرة
not-a-member = ليس عضوًا في برنامج الولاء.
no-tier = بلا فئة
points = { $count ->
        [zero] { $count } نقطة
        [one] نقطة واحدة
        [two] نقطتان
        [few] { $count } نقاط
        [many] { $count } نقطة
       *[other] { $count } نقطة
    }
next-tier = الفئة التالية: { $tier }
no-purchases = لا مشتريات بعد.
loading-loyalty = جارٍ تحميل الولاء…
loading-purchases = جارٍ تحميل المشتريات…
loyalty-failed = تعذّر تحميل الولاء: { $message }
purchases-failed = تعذّر تحميل المشتريات: { $message }
loyalty-again = أعد تحميل الولاء
purchases-again = أعد تحميل المشتريات
photo-label = صورة العميل
photo-enlarge = انقر أو اضغط المسافة للتكبير
no-photo = لا توجد صورة
photo-actions-hint = صورة جديدة: الصقها (Ctrl+V) أو أفلت ملفًا على النافذة.
remove-photo-button = إزالة الصورة…
take-photo-button = التقاط صورة…
choose-file-button = اختيار ملف…
take-photo-hover = التقط صورة بالكاميرا
choose-file-hover = اختر ملف صورة
fraud-banner = ⚠ عليه علامة احتيال ({ $reason }). اتبع إجراءات المتجر.
merged-banner = ⚠ دُمج هذا العميل في حساب آخر.
no-name = (بلا اسم)
marks-primary-verified = (أساسي، موثّق)
marks-primary-not-verified = (أساسي، غير موثّق)
marks-verified = (موثّق)
marks-not-verified = (غير موثّق)
identifier-card = البطاقة
loyalty-type = النوع
lifetime-purchases = إجمالي المشتريات
program = البرنامج
program-tier = { $program }: الفئة
program-points = { $program }: النقاط
member-since = عضو منذ
last-changed = آخر تغيير
registered-at = سُجّل في
section-contact = التواصل
section-extended = حقول إضافية
section-custom = حقول مخصصة
section-record = السجل

## Enrolment

enrol-heading = تسجيل عميل جديد
enrol-submit = تسجيل (Enter)
enrol-cancel = إلغاء (Esc)
enrol-intro = يلزم جوال أو بريد إلكتروني؛ رقم البطاقة اختياري.
enrolling = جارٍ التسجيل…
first-name = الاسم الأول
last-name = اسم العائلة
card-optional = رقم البطاقة (اختياري)
error-first-name = اكتب الاسم الأول للعميل.
error-mobile-length = يتكون الجوال من { $min } إلى { $max } رقمًا مع رمز الدولة؛ هذا فيه { $count }.
error-mobile-digits = لا يحوي الجوال إلا أرقامًا (المسافات والشرطات و+ في أوله مقبولة).
error-email = يبدو البريد الإلكتروني مثل name@example.com.
error-contact = اكتب جوالًا أو بريدًا إلكترونيًا: يحتاج Capillary أحدهما للعثور على العميل مجددًا.

## Notes from the app

locked-seconds = أُقفلت بعد { $count ->
        [zero] { $count } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $count } ثوانٍ
        [many] { $count } ثانية
       *[other] { $count } ثانية
    } دون استخدام. سجّل الدخول مجددًا.
locked-minutes = أُقفلت بعد { $count ->
        [zero] { $count } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    } دون استخدام. سجّل الدخول مجددًا.
lookup-cancelled = أُلغي البحث.
copied = نُسخ
enrolment-off = التسجيل متوقف على هذا الحاسوب.
not-enrolled = لم يُسجَّل: { $reason }
enrolled-as = سُجّل برقم العميل { $id }.
capillary-says = Capillary: { $words }.
enrolled = سُجّل
nothing-to-paste = لا شيء للصق: الحافظة لا تحوي نصًا ولا صورة.
no-photo-to-remove = لم تكن لهذا العميل صورة لإزالتها.
photo-removed = أُزيلت الصورة
photo-replaced = استُبدلت الصورة
older-photos-kept = حُفظت الصورة الجديدة وهي معروضة، لكن تعذّرت إزالة { $count ->
        [one] صورة قديمة واحدة
        [two] صورتين قديمتين
        [few] { $count } صور قديمة
       *[other] { $count } صورة قديمة
    }{ $why }.
nothing-chosen = لم يُختر ملف. يمكن أيضًا إفلات صورة على النافذة أو لصقها (Ctrl+V).
sign-in-refused = رُفض تسجيل دخولك. يُرجى تسجيل الدخول مجددًا.
enter-username = اكتب اسم مستخدم نقطة البيع.
enter-password = اكتب كلمة المرور.
enter-client-key = اكتب مفتاح العميل.
enter-client-secret = اكتب سر العميل.
demo-did-not-start = تعذّر تشغيل العرض التجريبي المدمج: { $why }

## What went wrong (Capillary, the network, the photo)

error-with-request-id = { $words } (معرّف الطلب { $id })
error-not-found = لم يُعثر على عميل بهذا المعرّف. تحقق منه وحاول مجددًا.
error-no-source = رفض Capillary البحث لأنه لم يُرسل مصدر (الرمز 8016). أبلغ قسم تقنية المعلومات.
error-invalid-source = يقول Capillary إن المصدر (INSTORE) غير صالح. اطلب من قسم تقنية المعلومات مراجعة إعدادات المؤسسة.
error-invalid-account = يقول Capillary إن حساب المصدر غير صالح. اطلب من قسم تقنية المعلومات مراجعة إعدادات المؤسسة.
error-unsupported-identifier-code = لا يقبل Capillary هذا النوع من المعرّفات لهذه المؤسسة. جرّب معرّفًا آخر.
error-account-id-required = يطلب Capillary معرّف حساب لهذا المصدر. اطلب من قسم تقنية المعلومات مراجعة إعدادات المؤسسة.
error-merged = دُمج هذا العميل في حساب آخر. ابحث عن الحساب الآخر بدلًا منه.
error-points-unavailable = تعذّر تحميل نقاط العميل الآن.
error-segments-unavailable = تعذّر تحميل شرائح العميل الآن.
error-empty-identifier = اكتب معرّفًا للبحث.
error-no-access = لا تسمح بيانات الاعتماد هذه بعرض تفاصيل العملاء. اطلب من قسم تقنية المعلومات مجموعة الصلاحيات الصحيحة.
error-fraud = هذا العميل عليه علامة احتيال. اتبع إجراءات المتجر.
error-image-too-small = رفض Capillary الصورة لأن الملف صغير جدًا (أقل من 10 كيلوبايت). التقطها مجددًا.
error-image-invalid = لم يقبل Capillary الصورة كصورة. التقطها مجددًا أو اختر ملفًا آخر.
error-invalid-mobile = يقول Capillary إن هذا الجوال غير صالح للمؤسسة. تحقق من الرقم ورمز الدولة.
error-invalid-email = يقول Capillary إن هذا البريد الإلكتروني غير صالح. تحقق منه.
error-invalid-external-id = يقول Capillary إن المعرّف الخارجي غير صالح.
error-no-primary-identifier = يحتاج Capillary المعرّف الذي تسجّل به هذه المؤسسة العملاء (عادةً الجوال). اكتبه.
error-no-image-to-delete = يقول Capillary إنه لم تُحدد صورة لإزالتها. ابحث عن العميل مجددًا وأعد المحاولة.
error-capillary-code = أبلغ Capillary عن الخطأ { $code }.
error-capillary-code-message = أبلغ Capillary عن الخطأ { $code }: { $message }
error-timeout = لم يستجب الخادم في الوقت المحدد. تحقق من اتصال الشبكة وحاول مجددًا.
error-connection-refused = تعذّر الاتصال بـ{ $host }: رُفض الاتصال. تحقق من الخادم والمنفذ.
error-host-not-found = تعذّر العثور على الخادم { $host }. تحقق من اسم الخادم واتصال الشبكة.
error-insecure = الاتصال غير آمن ({ $detail }). لم يُرسل شيء.
error-network = فشل اتصال الشبكة ({ $detail }).
error-too-many-redirects = أعاد الخادم التوجيه مرات كثيرة جدًا (أكثر من { $count })، فأُوقف التنزيل.
error-redirected-away = أعاد الخادم التوجيه إلى خادم آخر. لم يُتّبع، فلم تُرسل بيانات اعتمادك إليه. تحقق من الخادم.
error-unauthorized = اسم المستخدم أو كلمة المرور غير صحيحة.
error-oauth = تعذّر تسجيل الدخول بمفتاح العميل وسره هذين ({ $message }).
error-forbidden = لا تسمح بيانات الاعتماد هذه باستخدام واجهة العملاء. اطلب من قسم تقنية المعلومات منح الصلاحية.
error-forbidden-message = لا تسمح بيانات الاعتماد هذه باستخدام واجهة العملاء: { $message }. اطلب من قسم تقنية المعلومات منح الصلاحية.
error-photo-change-refused = لا يُسمح لنقطة البيع هذه بتغيير الصور. اطلب الإذن من قسم تقنية المعلومات أو استخدم نقطة بيع أخرى.
error-endpoint-not-found = لا يقدم الخادم واجهة عملاء Capillary. تحقق من الخادم.
error-busy = Capillary مشغول، حاول مجددًا بعد لحظة.
error-rate-limited = Capillary مشغول (طلبات كثيرة جدًا من هذا المتجر الآن). حاول مجددًا بعد دقيقة.
error-search-unavailable = البحث بالاسم غير متاح لهذه المؤسسة. ابحث عن العملاء بالجوال أو البريد أو البطاقة.
error-concurrent = Capillary مشغول بتغيير آخر على هذا العميل، حاول مجددًا بعد لحظة.
error-server = واجه Capillary مشكلة (HTTP { $status }). حاول مجددًا؛ وإن استمرت فاتصل بالدعم.
error-unexpected-status = أعطى الخادم ردًا غير متوقع (HTTP { $status }).
error-empty-body = أرسل الخادم ردًا فارغًا. حاول مجددًا.
error-not-json = لم يرد الخادم كما يرد Capillary (أرسل صفحة ويب لا بيانات). تحقق من الخادم أو الوكيل أو الشبكة.
error-bad-json = تعذّرت قراءة رد الخادم ({ $detail }).
error-unsupported-identifier = لا يمكن البحث بهذا النوع من المعرّفات. جرّب نوعًا آخر.
error-too-large = كان رد الخادم كبيرًا جدًا (أكثر من { $megabytes } ميغابايت) فرُفض.
error-no-photo = لا توجد صورة لهذا العميل.
error-photo-unavailable = الصورة غير متاحة ({ $message }).
error-photo-expired = انتهت صلاحية رابط الصورة. ابحث عن العميل مجددًا.
error-photo-denied = رفض تخزين الصور التنزيل (HTTP { $status }). ابحث عن العميل مجددًا.
error-code = (الرمز { $code })
other-failure = بصفته { $kind }: { $error }
lookup-failed-as = { $kind } { $value }: { $error }
list-separator = {"، "}
not-found-tried = لم يُعثر على عميل لـ{ $value } (جُرّب بصفته { $kinds }).
not-found-name-hint = للبحث عن شخص باسمه، اكتبه واختره من الاقتراحات بـ↓ وEnter.
name-search-failed = فشل البحث بالاسم: { $why }

## The photo dialog

this-customer = هذا العميل
photo-new = صورة جديدة لـ{ $name }
photo-take = التقاط صورة لـ{ $name }
photo-of = صورة { $name }
photo-remove-question = إزالة صورة { $name }؟
photo-remove-all = تُزال كل صور هذا العميل المحفوظة في Capillary.
choose-in-dialog = اختر الصورة في نافذة الملفات…
reading-picture = جارٍ قراءة الصورة…
remove-photo-confirm = إزالة الصورة (Enter)
keep-it = إبقاؤها (Esc)
photo-not-changed = لم تتغير الصورة
back-to-photo = العودة إلى الصورة (Enter)
close = إغلاق (Esc)
photo-changed-problem = تغيّرت الصورة، مع مشكلة
ok = حسنًا (Enter)
cancel-esc = إلغاء (Esc)
crop-preview = معاينة القص
crop-keys = اسحب أو استخدم مفاتيح الأسهم لتحريك الإطار؛ العجلة أو + و− للتكبير والتصغير.
use-photo = استخدام هذه الصورة (Enter)
rotate = تدوير 90° (R)
zoom-in = تكبير (+)
zoom-out = تصغير (−)
retake = إعادة الالتقاط (Backspace)
choose-another = اختيار أخرى…
start-over = للبدء من جديد، الصق صورة أخرى (Ctrl+V) أو أفلتها.
camera-picture = صورة الكاميرا
take-photo-confirm = التقاط الصورة (Enter)
camera = الكاميرا
starting-camera = جارٍ تشغيل الكاميرا…
preparing-photo = جارٍ تجهيز الصورة…
uploading-photo = جارٍ رفع الصورة ({ $kilobytes } كيلوبايت)…
removing-older-photo = جارٍ إزالة الصورة الأقدم…
removing-photo = جارٍ إزالة الصورة…

## What was typed, the host, the keyring, the camera

input-empty = اكتب أو امسح رقم جوال أو بريدًا أو رقم بطاقة أولًا.
input-bad-mobile = لا يحوي رقم الجوال إلا أرقامًا (مع + ورمز دولة اختياريين).
input-bad-email = ينقص عنوان البريد الإلكتروني هذا @ أو نطاق.
input-bad-customer-id = رقم العميل عدد صحيح.
input-bad-spec = استخدم TYPE:VALUE، حيث TYPE هو mobile أو email أو card أو external أو id.
host-empty = اكتب خادم واجهة Capillary، مثل https://eu.api.capillarytech.com.
host-invalid = "{ $host }" ليس عنوان ويب صالحًا. تحقق من الخادم بحثًا عن أخطاء الكتابة.
host-not-https = يجب أن يبدأ الخادم بـhttps:// (يُسمح بـhttp:// العادي لهذا الحاسوب فقط، مثل http://127.0.0.1).
host-unsupported-scheme = لا تُدعم إلا خوادم https://.
host-has-extras = اكتب الخادم فقط (مثل https://eu.api.capillarytech.com)، دون مسار أو اسم مستخدم أو استعلام.
keyring-none = لا توجد سلسلة مفاتيح للنظام على هذا الحاسوب، فلا يمكن تذكّر كلمات المرور.
keyring-locked = سلسلة مفاتيح النظام مقفلة أو رفضت الوصول، فلا يمكن تذكّر كلمات المرور.
keyring-not-running = لا تعمل سلسلة مفاتيح للنظام (Secret Service مثل GNOME Keyring)، فلا يمكن تذكّر كلمات المرور.
keyring-failed = فشلت سلسلة مفاتيح النظام، فلا يمكن تذكّر كلمات المرور.
keyring-bad-encoding = تعذّرت قراءة كلمة المرور المحفوظة.
keyring-refused = رفضت سلسلة مفاتيح النظام الإدخال ({ $why }).
keyring-crashed = تعذّر سؤال سلسلة مفاتيح النظام.
camera-none = لم يُعثر على كاميرا. صِل واحدة، أو الصق صورة أو أفلتها بدلًا من ذلك.
camera-denied = لا يُسمح لهذا البرنامج باستخدام الكاميرا. اسمح بالوصول إلى الكاميرا في إعدادات الخصوصية، أو اسأل قسم تقنية المعلومات.
camera-unsupported = التقاط الصور بالكاميرا غير متاح في هذا الإصدار. الصق صورة (Ctrl+V) أو أفلتها بدلًا من ذلك.
camera-failed = توقفت الكاميرا عن العمل ({ $why }).

## Pictures that cannot be shown or sent

photo-unsupported = صيغة هذه الصورة ({ $format }) غير مدعومة.
photo-web-page = أعاد رابط الصورة صفحة ويب لا صورة.
photo-pdf = أعاد رابط الصورة مستند PDF لا صورة.
photo-empty = ملف الصورة فارغ.
photo-unknown = الصورة بصيغة لا يعرفها هذا التطبيق.
photo-too-large = الصورة أكبر من أن تُعرض ({ $width }×{ $height } بكسل).
photo-corrupt = تعذّرت قراءة الصورة ({ $why }).
photo-unreadable = تعذّرت قراءة الصورة.
upload-too-small = هذه الصورة صغيرة جدًا: { $width }×{ $height }؛ يلزم { $min } بكسل على الأقل في الضلع الأقصر.
upload-file-too-large = هذا الملف أكبر من أن يُرفع ({ $megabytes } ميغابايت؛ 49 على الأكثر).
upload-nearly-blank = هذه الصورة شبه فارغة؛ التقطها مجددًا.
upload-cannot-shrink = تعذّر تصغير هذه الصورة بما يكفي لرفعها؛ التقطها مجددًا.
upload-encoding = تعذّر ترميز الصورة ({ $why }).
upload-unreadable = تعذّرت قراءة الملف ({ $why }).

## customer-lookup doctor and customer-lookup photo (the terminal)

doctor-heading = فحص البحث عن العملاء
doctor-passed = نجحت كل الفحوص.
doctor-failed = فشل فحص: انظر السطر المعلَّم FAIL.
doctor-step-policy = السياسة
doctor-step-host = الخادم
doctor-step-credentials = بيانات الاعتماد
doctor-step-lookup = البحث عن عميل
doctor-step-download = تنزيل الصورة
doctor-step-decode = فك ترميز الصورة
doctor-give-user = أعطِ --user (نقطة البيع) أو --client-key (OAuth).
doctor-give-host = أعطِ --host (أو اضبط CUSTOMER_LOOKUP_HOST).
doctor-host-pinned = { $host } (حددته مؤسستك)
doctor-host-pinned-overruled = { $host } (حددته مؤسستك؛ تم تجاهل --host)
doctor-accepted = مقبولة لـ{ $principal }
doctor-found = عُثر على العميل { $id }
doctor-no-id = (بلا رقم)
doctor-bytes = { $bytes } بايت
doctor-bytes-refreshed = { $bytes } بايت (انتهت صلاحية الرابط الأول؛ نجح رابط جديد)
doctor-no-photo = لا توجد صورة للعميل
prompt-password = كلمة مرور { $user }:
prompt-client-secret = سر العميل لـ{ $key }:
no-terminal = لا توجد طرفية للسؤال: اضبط { $variable }.
cli-photo-changes-off = أوقفت مؤسستك تغيير الصور على هذا الحاسوب ({ $source }).
cli-no-customer-id = لا يذكر رد Capillary رقم عميل.
cli-photo-replaced = استُبدلت صورة العميل { $id } ({ $width }×{ $height }، { $bytes } بايت).
cli-older-photos-kept = حُفظت الصورة الجديدة للعميل { $id } وهي معروضة، لكن تعذّرت إزالة { $count ->
        [one] صورة قديمة واحدة
        [two] صورتين قديمتين
        [few] { $count } صور قديمة
       *[other] { $count } صورة قديمة
    }{ $why }.
cli-no-photo = لا توجد صورة للعميل { $id }؛ لا شيء لإزالته.
cli-photo-removed = أُزيلت صورة العميل { $id }.
cli-cannot-read = { $file }: تتعذر قراءته: { $why }
