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
