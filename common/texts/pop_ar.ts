<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AttachmentsScreen</name>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="83"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="92"/>
        <source>The picture is too dark.</source>
        <translation>الصورة مظلمة جدًا.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="84"/>
        <source>The picture is blurred: please hold still.</source>
        <translation>الصورة غير واضحة: يُرجى عدم التحرك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="86"/>
        <source>The page is not wholly in the picture: move it towards the middle.</source>
        <translation>الصفحة ليست كلها في الصورة: يُرجى تحريكها نحو الوسط.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="88"/>
        <source>Place the page under the camera, on a dark surface if you can.</source>
        <translation>يُرجى وضع الصفحة تحت الكاميرا، ويُفضَّل على سطح داكن.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="90"/>
        <source>The picture is blurred: please hold the page still.</source>
        <translation>الصورة غير واضحة: يُرجى تثبيت الصفحة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="94"/>
        <source>Light is reflected on the page: tilt it a little.</source>
        <translation>يوجد انعكاس ضوء على الصفحة: يُرجى إمالتها قليلًا.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="95"/>
        <source>Page found: you can take the photo.</source>
        <translation>تم التعرف على الصفحة: يمكنك الآن التقاط الصورة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Taking photo …</source>
        <translation>جارٍ التقاط الصورة …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Take photo</source>
        <translation>التقاط صورة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="110"/>
        <source>%1 of at most %2 photos</source>
        <translation>الصور: %1 من %2 كحد أقصى</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="119"/>
        <source>Demo:</source>
        <translation>عرض تجريبي:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="122"/>
        <source>Hold up a page</source>
        <translation>إظهار صفحة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="128"/>
        <source>Show the street</source>
        <translation>إظهار الشارع</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="136"/>
        <source>The camera is not working right now. You can send without a photo if the service allows it, or talk to a clerk.</source>
        <translation>الكاميرا لا تعمل حاليًا. يمكنك الإرسال بدون صورة إذا كانت الخدمة تسمح بذلك، أو التحدث مع موظف.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="142"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="208"/>
        <source>At least %n photo(s) needed.</source>
        <translation>
            <numerusform>المطلوب على الأقل: %n صورة.</numerusform>
            <numerusform>المطلوب على الأقل: %n صورة.</numerusform>
            <numerusform>المطلوب على الأقل: %n صورتان.</numerusform>
            <numerusform>المطلوب على الأقل: %n صور.</numerusform>
            <numerusform>المطلوب على الأقل: %n صورة.</numerusform>
            <numerusform>المطلوب على الأقل: %n صورة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="166"/>
        <source>Photo %1</source>
        <translation>صورة %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="183"/>
        <source>Page cut off: take it again?</source>
        <translation>الصفحة مقطوعة: إعادة التصوير؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="184"/>
        <source>Blurred: take it again?</source>
        <translation>غير واضحة: إعادة التصوير؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="185"/>
        <source>Too dark: take it again?</source>
        <translation>مظلمة جدًا: إعادة التصوير؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="186"/>
        <source>Reflection: take it again?</source>
        <translation>انعكاس ضوء: إعادة التصوير؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="191"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="240"/>
        <source>Remove and take again</source>
        <translation>حذف وإعادة التصوير</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="248"/>
        <source>Back to the photos</source>
        <translation>العودة إلى الصور</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="33"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>غير متصل — %n طلب في الانتظار، وسيُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلب في الانتظار، وسيُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلبان في الانتظار، وسيُرسلان تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلبات في الانتظار، وستُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلبًا في الانتظار، وستُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلب في الانتظار، وستُرسل تلقائيًا</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="70"/>
        <source>Report problems, apply, make appointments – and talk to a clerk by video.</source>
        <translation>الإبلاغ عن المشكلات، وتقديم الطلبات، وطلب المواعيد – والتحدث مع موظف عبر الفيديو.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="79"/>
        <source>Touch here to start</source>
        <translation>المس هنا للبدء</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="92"/>
        <source>Talk to the town hall</source>
        <translation>التحدث مع البلدية</translation>
    </message>
</context>
<context>
    <name>CallDock</name>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="65"/>
        <source>Reconnecting …</source>
        <translation>جارٍ إعادة الاتصال …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>● Camera on</source>
        <translation>● الكاميرا تعمل</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>Camera off</source>
        <translation>الكاميرا متوقفة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="77"/>
        <source>Microphone off</source>
        <translation>الميكروفون: إيقاف</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="93"/>
        <source>The town hall asks for a photo of your ID.</source>
        <translation>تطلب البلدية صورة من وثيقة هويتك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="95"/>
        <source>The town hall suggests something for your form.</source>
        <translation>تقترح البلدية تعديلًا على استمارتك.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallDock.qml" line="97"/>
        <source>%n new message(s) from the town hall.</source>
        <translation>
            <numerusform>%n رسالة جديدة من البلدية.</numerusform>
            <numerusform>%n رسالة جديدة من البلدية.</numerusform>
            <numerusform>%n رسالتان جديدتان من البلدية.</numerusform>
            <numerusform>%n رسائل جديدة من البلدية.</numerusform>
            <numerusform>%n رسالة جديدة من البلدية.</numerusform>
            <numerusform>%n رسالة جديدة من البلدية.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="100"/>
        <source>The printer could not print “%1”.</source>
        <translation>لم تتمكن الطابعة من طباعة «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="101"/>
        <source>Printing “%1” …</source>
        <translation>جارٍ طباعة «%1» …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="102"/>
        <source>Please take “%1” from the printer.</source>
        <translation>يُرجى أخذ «%1» من الطابعة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="109"/>
        <source>Show the call</source>
        <translation>تكبير المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>تشغيل الميكروفون</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>إيقاف الميكروفون</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="126"/>
        <source>Hang up</source>
        <translation>إنهاء المكالمة</translation>
    </message>
</context>
<context>
    <name>CallOverlay</name>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="59"/>
        <source>Call back</source>
        <translation>معاودة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="60"/>
        <source>Talk to a clerk</source>
        <translation>التحدث مع موظف</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="61"/>
        <source>The call has ended</source>
        <translation>انتهت المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="62"/>
        <source>Talk to the town hall</source>
        <translation>التحدث مع البلدية</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="70"/>
        <source>A clerk of the town hall will see and hear you, and see the form you are filling in (and the photo from your ID card, if it was read). Your camera and microphone are switched on for the call. Nothing is recorded.</source>
        <translation>سيراك موظف من البلدية ويسمعك، وسيرى الاستمارة التي تملؤها (وصورتك من بطاقة الهوية، إذا تمت قراءتها). سيتم تشغيل الكاميرا والميكروفون أثناء المكالمة. لا يتم تسجيل أي شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="72"/>
        <source>Connecting to the town hall …</source>
        <translation>جارٍ الاتصال بالبلدية …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="75"/>
        <source>Nobody at the town hall can take your call right now. You can ask to be called back, or wait.</source>
        <translation>لا يوجد أحد في البلدية يمكنه الرد على مكالمتك الآن. يمكنك طلب معاودة الاتصال بك، أو الانتظار.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="77"/>
        <source>You are next.</source>
        <translation>دورك هو التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="78"/>
        <source>You are number %1 in the queue.</source>
        <translation>رقمك في قائمة الانتظار: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="80"/>
        <source>The town hall will call you back. Please give your phone number and what it is about.</source>
        <translation>ستعاود البلدية الاتصال بك. يُرجى إدخال رقم هاتفك وموضوع طلبك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="82"/>
        <source>Thank you. The town hall will call you back. Your tracking number:</source>
        <translation>شكرًا لك. ستعاود البلدية الاتصال بك. رقم المعاملة الخاص بك:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="84"/>
        <source>%1 is taking your call …</source>
        <translation>جارٍ توصيل مكالمتك إلى %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="86"/>
        <source>The connection was interrupted. Reconnecting you to %1 …</source>
        <translation>انقطع الاتصال. جارٍ إعادة توصيل مكالمتك إلى %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="89"/>
        <source>Nobody at the town hall could take your call in time. Your entries are kept.</source>
        <translation>لم يتمكن أحد في البلدية من الرد على مكالمتك في الوقت المناسب. بياناتك المدخلة محفوظة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="91"/>
        <source>The connection was lost. Your entries are kept.</source>
        <translation>انقطع الاتصال. بياناتك المدخلة محفوظة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="92"/>
        <source>Your entries are kept. You can carry on where you were.</source>
        <translation>بياناتك المدخلة محفوظة. يمكنك المتابعة من حيث توقفت.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="95"/>
        <source>The town hall has too many calls right now.</source>
        <translation>توجد الآن مكالمات كثيرة جدًا في البلدية.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="97"/>
        <source>Video calls are not possible from this terminal.</source>
        <translation>لا يمكن إجراء مكالمات فيديو من هذا الجهاز.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="98"/>
        <source>The town hall cannot be reached right now.</source>
        <translation>لا يمكن الوصول إلى البلدية حاليًا.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallOverlay.qml" line="118"/>
        <source>Estimated wait: about %n minute(s).</source>
        <translation>
            <numerusform>مدة الانتظار المتوقعة: حوالي %n دقيقة.</numerusform>
            <numerusform>مدة الانتظار المتوقعة: حوالي %n دقيقة.</numerusform>
            <numerusform>مدة الانتظار المتوقعة: حوالي %n دقيقتين.</numerusform>
            <numerusform>مدة الانتظار المتوقعة: حوالي %n دقائق.</numerusform>
            <numerusform>مدة الانتظار المتوقعة: حوالي %n دقيقة.</numerusform>
            <numerusform>مدة الانتظار المتوقعة: حوالي %n دقيقة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="119"/>
        <source>A clerk will be with you shortly.</source>
        <translation>سيكون أحد الموظفين معك قريبًا.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="134"/>
        <source>Hours: %1</source>
        <translation>أوقات العمل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="190"/>
        <source>Your request could not be stored. Please try again.</source>
        <translation>تعذّر حفظ طلبك. يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="202"/>
        <source>Ask for a call back</source>
        <translation>طلب معاودة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="210"/>
        <source>Send the request</source>
        <translation>إرسال الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="218"/>
        <source>Start the call</source>
        <translation>بدء المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="227"/>
        <source>Cancel the call</source>
        <translation>إلغاء المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back to where I was</source>
        <translation>العودة إلى حيث كنت</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="341"/>
        <source>The camera gave no picture. Please try again.</source>
        <translation>لم تلتقط الكاميرا أي صورة. يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="342"/>
        <source>The town hall asks for a photo of your ID card or passport. Hold the side with your photo to the camera, then send it. It goes only to the clerk and is not stored.</source>
        <translation>تطلب البلدية صورة من بطاقة هويتك أو جواز سفرك. يُرجى وضع الجهة التي عليها صورتك أمام الكاميرا، ثم إرسالها. تصل الصورة إلى الموظف فقط ولا يتم حفظها.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="349"/>
        <source>Demo: hold up the sample passport</source>
        <translation>عرض تجريبي: إظهار جواز السفر النموذجي</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Sending …</source>
        <translation>جارٍ الإرسال …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Send the photo</source>
        <translation>إرسال الصورة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="366"/>
        <source>Do not send</source>
        <translation>عدم الإرسال</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="378"/>
        <source>✓ The photo of your ID has been sent to the town hall.</source>
        <translation>✓ تم إرسال صورة وثيقة هويتك إلى البلدية.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="386"/>
        <source>The sound is not working at this terminal. Please write to the town hall below; they can still see you.</source>
        <translation>الصوت لا يعمل في هذا الجهاز. يُرجى الكتابة إلى البلدية في الأسفل؛ فالموظف لا يزال يراك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="394"/>
        <source>✓ The town hall has confirmed who you are. It goes with your application.</source>
        <translation>✓ أكدت البلدية هويتك. سيُرفق هذا التأكيد بطلبك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="426"/>
        <source>The town hall suggests for “%1”: %2</source>
        <translation>اقتراح البلدية لحقل «%1»: %2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="427"/>
        <source>The town hall suggests for “%1”: %2 (now: %3)</source>
        <translation>اقتراح البلدية لحقل «%1»: %2 (الحالي: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="433"/>
        <source>Take it</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="438"/>
        <source>Keep mine</source>
        <translation>إبقاء ما كتبته</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="460"/>
        <source>The printer could not print “%1”. The clerk has been told.</source>
        <translation>لم تتمكن الطابعة من طباعة «%1». تم إبلاغ الموظف.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="462"/>
        <source>The town hall is printing “%1” for you …</source>
        <translation>البلدية تطبع لك «%1» …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="463"/>
        <source>Please take “%1” from the printer.</source>
        <translation>يُرجى أخذ «%1» من الطابعة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>● Camera on</source>
        <translation>● الكاميرا تعمل</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>Camera off</source>
        <translation>الكاميرا: إيقاف</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>تشغيل الميكروفون</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>إيقاف الميكروفون</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera off</source>
        <comment>button: turns it off</comment>
        <translation>إيقاف الكاميرا</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera on</source>
        <comment>button: turns it on</comment>
        <translation>تشغيل الكاميرا</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="492"/>
        <source>Make the call small</source>
        <translation>تصغير المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="497"/>
        <source>Hang up</source>
        <translation>إنهاء المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="510"/>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>You: </source>
        <translation>أنت: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>Town hall: </source>
        <translation>البلدية: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="538"/>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="540"/>
        <source>Write a message</source>
        <translation>اكتب رسالة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="550"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="34"/>
        <source>Thank you! Your application has arrived at the town hall.</source>
        <translation>شكرًا لك! وصل طلبك إلى البلدية.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="35"/>
        <source>Thank you! Your application is stored safely.</source>
        <translation>شكرًا لك! تم حفظ طلبك بأمان.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="38"/>
        <source>Your tracking number:</source>
        <translation>رقم المعاملة الخاص بك:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="70"/>
        <source>The town hall also sends your receipt to your e-mail address.</source>
        <translation>سترسل البلدية الإيصال أيضًا إلى بريدك الإلكتروني.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="76"/>
        <source>This page closes in %n second(s). Touch the screen if you need more time.</source>
        <translation>
            <numerusform>ستُغلق هذه الصفحة خلال %n ثانية. يُرجى لمس الشاشة إذا احتجت إلى وقت أطول.</numerusform>
            <numerusform>ستُغلق هذه الصفحة خلال %n ثانية. يُرجى لمس الشاشة إذا احتجت إلى وقت أطول.</numerusform>
            <numerusform>ستُغلق هذه الصفحة خلال %n ثانيتين. يُرجى لمس الشاشة إذا احتجت إلى وقت أطول.</numerusform>
            <numerusform>ستُغلق هذه الصفحة خلال %n ثوانٍ. يُرجى لمس الشاشة إذا احتجت إلى وقت أطول.</numerusform>
            <numerusform>ستُغلق هذه الصفحة خلال %n ثانية. يُرجى لمس الشاشة إذا احتجت إلى وقت أطول.</numerusform>
            <numerusform>ستُغلق هذه الصفحة خلال %n ثانية. يُرجى لمس الشاشة إذا احتجت إلى وقت أطول.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="87"/>
        <source>Try printing again</source>
        <translation>إعادة محاولة الطباعة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="94"/>
        <source>Read the receipt aloud</source>
        <translation>قراءة الإيصال بصوت عالٍ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="99"/>
        <source>Finish</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="123"/>
        <source>Your receipt</source>
        <translation>إيصالك</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="149"/>
        <source>Take a photo of this with your phone. The QR code shows the status of your application.</source>
        <translation>يُرجى تصوير هذا بهاتفك. يُظهر رمز QR حالة طلبك.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="75"/>
        <source>Added by the town hall</source>
        <translation>أضافته البلدية</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="95"/>
        <source>From your ID card</source>
        <translation>من بطاقة هويتك</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="144"/>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="176"/>
        <source>Plus sign</source>
        <translation>علامة الزائد</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="201"/>
        <source>Scan the QR code on the receipt</source>
        <translation>مسح رمز QR على الإيصال</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="211"/>
        <source>This QR code is not from a receipt of this town hall. Please hold the QR code on your receipt in front of the camera, or type the number.</source>
        <translation>رمز QR هذا ليس من إيصال صادر عن هذه البلدية. يُرجى وضع رمز QR الموجود على إيصالك أمام الكاميرا، أو كتابة الرقم.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="213"/>
        <source>No receipt was recognised. You can try again or type the number.</source>
        <translation>لم يتم التعرف على أي إيصال. يمكنك المحاولة مرة أخرى أو كتابة الرقم.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="215"/>
        <source>The camera is not available right now. Please type the number.</source>
        <translation>الكاميرا غير متاحة حاليًا. يُرجى كتابة الرقم.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="238"/>
        <source>Hold the QR code on your receipt in front of the camera.</source>
        <translation>يُرجى وضع رمز QR الموجود على إيصالك أمام الكاميرا.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="243"/>
        <source>Type the number instead</source>
        <translation>كتابة الرقم بدلًا من ذلك</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="251"/>
        <source>Demo:</source>
        <translation>عرض تجريبي:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="254"/>
        <source>Hold up the receipt</source>
        <translation>إظهار الإيصال</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="260"/>
        <source>Hold up another QR code</source>
        <translation>إظهار رمز QR آخر</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="325"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="336"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="369"/>
        <source>Street</source>
        <translation>الشارع</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="370"/>
        <source>No.</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="371"/>
        <source>Postcode</source>
        <translation>الرمز البريدي</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="372"/>
        <source>Town</source>
        <translation>البلدة</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="74"/>
        <source>%1 · step %2 of %3</source>
        <translation>%1 · الخطوة %2 من %3</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="85"/>
        <source>Please look at the fields marked in red.</source>
        <translation>يُرجى مراجعة الحقول المعلَّمة باللون الأحمر.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="62"/>
        <source>What can we do for you?</source>
        <translation>كيف يمكننا مساعدتك؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="70"/>
        <source>The town hall describes its services in %1 only. You can still use them; the buttons and help are in your language.</source>
        <translation>تصف البلدية خدماتها بهذه اللغة فقط: %1. يمكنك استخدامها مع ذلك؛ الأزرار والمساعدة بلغتك.</translation>
    </message>
</context>
<context>
    <name>IdentifyModel</name>
    <message>
        <location filename="../../ui/models/identify.py" line="75"/>
        <source>The card reader is not working right now. Please talk to a clerk, or choose another service.</source>
        <translation>قارئ البطاقات لا يعمل حاليًا. يُرجى التحدث مع موظف، أو اختيار خدمة أخرى.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="61"/>
        <source>Please place your ID card or passport on the reader</source>
        <translation>يُرجى وضع بطاقة الهوية أو جواز السفر على القارئ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="78"/>
        <source>Reading your passport or ID card … please leave it on the reader.</source>
        <translation>جارٍ قراءة جواز سفرك أو بطاقة هويتك … يُرجى عدم رفعها عن القارئ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="79"/>
        <source>Reading your card … please leave it on the reader.</source>
        <translation>جارٍ قراءة بطاقتك … يُرجى عدم رفعها عن القارئ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="81"/>
        <source>Your passport or ID card is on the reader. To open its chip, please enter three values printed on it.</source>
        <translation>جواز سفرك أو بطاقة هويتك على القارئ. لفتح الشريحة، يُرجى إدخال ثلاثة بيانات مطبوعة على الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="82"/>
        <source>Your card is on the reader. To open its chip, please enter the number printed on it.</source>
        <translation>بطاقتك على القارئ. لفتح الشريحة، يُرجى إدخال الرقم المطبوع عليها.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="84"/>
        <source>Your passport or ID card has been read. Is this you?</source>
        <translation>تمت قراءة جواز سفرك أو بطاقة هويتك. هل هذا أنت؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="85"/>
        <source>Your card has been read. Is this you?</source>
        <translation>تمت قراءة بطاقتك. هل هذا أنت؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="86"/>
        <source>That did not work.</source>
        <translation>لم ينجح ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="87"/>
        <source>The card reader is not available.</source>
        <translation>قارئ البطاقات غير متاح.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="88"/>
        <source>The card reader is below the screen, marked with the card symbol. Lay the card flat on it.</source>
        <translation>قارئ البطاقات موجود تحت الشاشة، وعليه رمز البطاقة. يُرجى وضع البطاقة عليه بشكل مسطّح.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="106"/>
        <source>Your data is read from the chip only to fill in this form. It is deleted from the terminal when you are done.</source>
        <translation>تُقرأ بياناتك من الشريحة فقط لملء هذه الاستمارة. وتُحذف من الجهاز عند الانتهاء.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="171"/>
        <source>Access number (CAN): the six digits at the bottom right of the front of your ID card.</source>
        <translation>رقم الوصول (CAN): الأرقام الستة في أسفل اليمين على الوجه الأمامي لبطاقة هويتك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="172"/>
        <source>On the photo page of your passport (on an ID card: its back), also in the lines of letters at the bottom: the document number, your date of birth and the date of expiry.</source>
        <translation>في صفحة الصورة في جواز سفرك (وفي بطاقة الهوية: على ظهرها)، وأيضًا في سطور الحروف في الأسفل: رقم الوثيقة، وتاريخ ميلادك، وتاريخ انتهاء الصلاحية.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="202"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="219"/>
        <source>Access number (6 digits)</source>
        <translation>رقم الوصول (6 أرقام)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="206"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="231"/>
        <source>Passport or card number</source>
        <translation>رقم الجواز أو البطاقة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="207"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="244"/>
        <source>Date of birth (DD.MM.YYYY)</source>
        <translation>تاريخ الميلاد (DD.MM.YYYY)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="208"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="246"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="259"/>
        <source>Valid until (DD.MM.YYYY)</source>
        <translation>صالح حتى (DD.MM.YYYY)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="263"/>
        <source>Open the chip</source>
        <translation>فتح الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="272"/>
        <source>No number on my card</source>
        <translation>لا يوجد رقم على بطاقتي</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="280"/>
        <source>Read the photo page with the camera</source>
        <translation>قراءة صفحة الصورة بالكاميرا</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="290"/>
        <source>The lines of letters could not be read. Try again, or type the three values.</source>
        <translation>تعذّرت قراءة سطور الحروف. يُرجى المحاولة مرة أخرى، أو كتابة البيانات الثلاثة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="292"/>
        <source>The camera is not available right now. Please type the three values.</source>
        <translation>الكاميرا غير متاحة حاليًا. يُرجى كتابة البيانات الثلاثة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="312"/>
        <source>Hold the photo page of your passport under the camera, with the lines of letters at the bottom fully in view.</source>
        <translation>يُرجى وضع صفحة الصورة في جواز سفرك تحت الكاميرا، بحيث تظهر سطور الحروف في الأسفل كاملة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="317"/>
        <source>Type the values instead</source>
        <translation>كتابة البيانات بدلًا من ذلك</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="323"/>
        <source>Demo: hold up the sample passport</source>
        <translation>عرض تجريبي: إظهار جواز السفر النموذجي</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="350"/>
        <source>Born on %1</source>
        <translation>تاريخ الميلاد: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="353"/>
        <source>Yes, that is me</source>
        <translation>نعم، هذا أنا</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="354"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="371"/>
        <source>Demo: place a sample card on the simulated reader</source>
        <translation>عرض تجريبي: وضع بطاقة نموذجية على القارئ المحاكى</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="381"/>
        <source>Sample ID card (Erika Mustermann)</source>
        <translation>بطاقة هوية نموذجية (Erika Mustermann)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="382"/>
        <source>Sample passport (Anna Maria Eriksson)</source>
        <translation>جواز سفر نموذجي (Anna Maria Eriksson)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="383"/>
        <source>Damaged card</source>
        <translation>بطاقة تالفة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="399"/>
        <source>Continue without ID card</source>
        <translation>المتابعة بدون بطاقة هوية</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="20"/>
        <source>the street</source>
        <translation>اسم الشارع</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="21"/>
        <source>the house number</source>
        <translation>رقم المنزل</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="22"/>
        <source>the postcode</source>
        <translation>الرمز البريدي</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>the town</source>
        <translation>اسم البلدة</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Please choose one of the options.</source>
        <translation>يُرجى اختيار أحد الخيارات.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Please fill in this field.</source>
        <translation>يُرجى ملء هذا الحقل.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>Please write at least %1 characters.</source>
        <translation>يُرجى ألا يقل عدد الأحرف عن %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Please write at most %1 characters.</source>
        <translation>يُرجى ألا يزيد عدد الأحرف عن %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <location filename="../../ui/messages.py" line="90"/>
        <source>This does not look right. Please check it.</source>
        <translation>يبدو أن هذا غير صحيح. يُرجى التحقق منه.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Please enter a number, for example 2 or 2,5.</source>
        <translation>يُرجى إدخال رقم، مثل 2 أو 2,5.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>Please enter at least %1.</source>
        <translation>يُرجى إدخال قيمة لا تقل عن %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>Please enter at most %1.</source>
        <translation>يُرجى إدخال قيمة لا تزيد عن %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Please enter a date like 24.12.2026 (day.month.year).</source>
        <translation>يُرجى إدخال التاريخ بهذا الشكل: 24.12.2026 (اليوم ثم الشهر ثم السنة).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>The date cannot be before %1.</source>
        <translation>لا يمكن أن يكون التاريخ قبل %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>The date cannot be after %1.</source>
        <translation>لا يمكن أن يكون التاريخ بعد %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>This is not an email address. It looks like name@example.de.</source>
        <translation>هذا ليس عنوان بريد إلكتروني. يبدو العنوان هكذا: name@example.de.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>Please enter a phone number with digits only, for example 0221 123456.</source>
        <translation>يُرجى إدخال رقم الهاتف بالأرقام فقط، مثل ⁦0221 123456⁩.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>A postcode has five digits, for example 51147.</source>
        <translation>الرمز البريدي يتكون من خمسة أرقام، مثل 51147.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>The tracking number looks like 7K3M-Q9XD-2AF8. Please check it.</source>
        <translation>رقم المعاملة يبدو هكذا: 7K3M-Q9XD-2AF8. يُرجى التحقق منه.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>Please fill in %1.</source>
        <translation>يُرجى إدخال %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96"/>
        <source>Your ID card or passport could not be read. Please take it off, then place it flat on the reader again.</source>
        <translation>تعذّرت قراءة بطاقة هويتك أو جواز سفرك. يُرجى رفعها عن القارئ، ثم وضعها عليه مرة أخرى بشكل مسطّح.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>This card is not an ID card or passport. Please use your ID card or passport.</source>
        <translation>هذه البطاقة ليست بطاقة هوية ولا جواز سفر. يُرجى استخدام بطاقة هويتك أو جواز سفرك.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>Your ID card or passport was taken off too early. Please place it again and leave it until you hear the tone.</source>
        <translation>تم رفع بطاقة هويتك أو جواز سفرك مبكرًا جدًا. يُرجى وضعها مرة أخرى وتركها حتى تسمع صوت التنبيه.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>The document could not be opened. Please check the entered data.</source>
        <translation>تعذّر فتح الوثيقة. يُرجى التحقق من البيانات المدخلة.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>This document is opened with three values printed on it. Please enter them below.</source>
        <translation>تُفتح هذه الوثيقة بثلاثة بيانات مطبوعة عليها. يُرجى إدخالها في الأسفل.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>This card gives its data only to the online ID function, which this terminal does not offer yet. Please use your passport, or talk to a clerk.</source>
        <translation>هذه البطاقة لا تعطي بياناتها إلا لوظيفة الهوية الإلكترونية عبر الإنترنت، وهذا الجهاز لا يوفرها بعد. يُرجى استخدام جواز سفرك، أو التحدث مع موظف.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>This document has expired. Please use a valid ID card or passport.</source>
        <translation>انتهت صلاحية هذه الوثيقة. يُرجى استخدام بطاقة هوية صالحة أو جواز سفر صالح.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>The chip of this document could not prove that it is genuine, so this terminal cannot use it. Please talk to a clerk.</source>
        <translation>لم تتمكن شريحة هذه الوثيقة من إثبات أنها أصلية، لذلك لا يمكن لهذا الجهاز استخدامها. يُرجى التحدث مع موظف.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>The data on this document&apos;s chip could not be checked, so this terminal cannot use it. Please place it again, or use another ID card or passport.</source>
        <translation>تعذّر التحقق من البيانات الموجودة على شريحة هذه الوثيقة، لذلك لا يمكن لهذا الجهاز استخدامها. يُرجى وضعها مرة أخرى، أو استخدام بطاقة هوية أو جواز سفر آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>Your application could not be saved on this terminal. Nothing is lost: your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>تعذّر حفظ طلبك على هذا الجهاز. لم يُفقد شيء: بياناتك المدخلة ما زالت هنا. يُرجى المحاولة مرة أخرى، أو التحدث مع موظف.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>Something went wrong while saving. Your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>حدث خطأ أثناء الحفظ. بياناتك المدخلة ما زالت هنا. يُرجى المحاولة مرة أخرى، أو التحدث مع موظف.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>Your receipt is being printed …</source>
        <translation>جارٍ طباعة إيصالك …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>Please take your receipt.</source>
        <translation>يُرجى أخذ إيصالك.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Your receipt has been printed, but the printer could not confirm it. Please take your receipt. If none came out, take a photo of the receipt on the screen.</source>
        <translation>تمت طباعة إيصالك، لكن الطابعة لم تتمكن من تأكيد ذلك. يُرجى أخذ إيصالك. إذا لم يخرج أي إيصال، يُرجى تصوير الإيصال الظاهر على الشاشة.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182"/>
        <source>The printer has run out of paper. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>نفد الورق من الطابعة. إيصالك ظاهر على الشاشة: يُرجى تصويره. وقد تم استلام طلبك رغم ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>The receipt could not be printed. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>تعذّرت طباعة الإيصال. إيصالك ظاهر على الشاشة: يُرجى تصويره. وقد تم استلام طلبك رغم ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>The receipt printer is not working at the moment. You can still apply: at the end your receipt is shown on the screen (tracking number and QR code) for you to take a photo of.</source>
        <translation>طابعة الإيصالات لا تعمل حاليًا. لا يزال بإمكانك تقديم طلبك: في النهاية سيظهر إيصالك على الشاشة (رقم المعاملة ورمز QR) لكي تقوم بتصويره.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208"/>
        <source>The camera of this terminal is not available at the moment, so no photos can be taken here. If your application needs photos, please talk to a clerk or come back later.</source>
        <translation>كاميرا هذا الجهاز غير متاحة حاليًا، لذلك لا يمكن التقاط صور هنا. إذا كان طلبك يحتاج إلى صور، يُرجى التحدث مع موظف أو العودة لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220"/>
        <source>It has been sent to the town hall and has arrived there.</source>
        <translation>تم إرساله إلى البلدية ووصل إليها.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>It could not be sent yet: the terminal cannot reach the town hall at the moment. Your application is stored here, encrypted, and will be sent automatically. You do not need to do anything.</source>
        <translation>لم يتم إرساله بعد: الجهاز لا يستطيع الاتصال بالبلدية حاليًا. طلبك محفوظ هنا بشكل مشفّر، وسيتم إرساله تلقائيًا. لا تحتاج إلى فعل أي شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230"/>
        <source>It is being sent to the town hall …</source>
        <translation>جارٍ إرساله إلى البلدية …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241"/>
        <source>This terminal cannot take new applications at the moment because its storage is full. Please talk to a clerk, or come back later.</source>
        <translation>لا يستطيع هذا الجهاز استقبال طلبات جديدة حاليًا لأن ذاكرة التخزين ممتلئة. يُرجى التحدث مع موظف، أو العودة لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>The access number has six digits.</source>
        <translation>رقم الوصول يتكون من ستة أرقام.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>The document number has up to nine letters and digits.</source>
        <translation>رقم الوثيقة يتكون من تسعة حروف وأرقام كحد أقصى.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="257"/>
        <source>Please enter the date of birth as DD.MM.YYYY.</source>
        <translation>يُرجى إدخال تاريخ الميلاد بالشكل DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="261"/>
        <source>Please enter the expiry date as DD.MM.YYYY.</source>
        <translation>يُرجى إدخال تاريخ انتهاء الصلاحية بالشكل DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270"/>
        <source>Received</source>
        <translation>تم الاستلام</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="272"/>
        <source>Being processed</source>
        <translation>قيد المعالجة</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="274"/>
        <source>Done</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276"/>
        <source>Declined</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>Asking the town hall …</source>
        <translation>جارٍ الاستعلام لدى البلدية …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>The town hall knows no application with this tracking number. Please check the number on your receipt.</source>
        <translation>لا يوجد لدى البلدية طلب برقم المعاملة هذا. يُرجى التحقق من الرقم الموجود على إيصالك.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>Many people are asking right now. Please try again in a moment.</source>
        <translation>يستعلم كثير من الناس الآن. يُرجى المحاولة مرة أخرى بعد قليل.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="297"/>
        <source>The town hall cannot be reached at the moment. Please try again later, or use the address on your receipt.</source>
        <translation>لا يمكن الوصول إلى البلدية حاليًا. يُرجى المحاولة لاحقًا، أو استخدام العنوان الموجود على إيصالك.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>This terminal cannot ask the town hall at the moment. Please use the address on your receipt.</source>
        <translation>لا يستطيع هذا الجهاز الاستعلام لدى البلدية حاليًا. يُرجى استخدام العنوان الموجود على إيصالك.</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="31"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="54"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="31"/>
        <source>This terminal is out of order.</source>
        <translation>هذا الجهاز معطّل.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="32"/>
        <source>This terminal is taking a short break.</source>
        <translation>هذا الجهاز متوقف لفترة قصيرة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="43"/>
        <source>Please contact the town hall:</source>
        <translation>يُرجى التواصل مع البلدية:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="45"/>
        <source>It will be back in a moment. Nothing you entered was kept on this terminal.</source>
        <translation>سيعود للعمل بعد قليل. لم يُحفظ على هذا الجهاز أي شيء مما أدخلته.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="46"/>
        <source>It will be back soon. The town hall has been informed. We are sorry for the inconvenience.</source>
        <translation>سيعود للعمل قريبًا. تم إبلاغ البلدية. نعتذر عن الإزعاج.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="67"/>
        <source>Hours: %1</source>
        <translation>أوقات العمل: %1</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="99"/>
        <location filename="../../ui/models/read_aloud.py" line="143"/>
        <source>Read aloud is on.</source>
        <extracomment>How often the headset is looked for (the sound driver answers from its last look). The first frame is on screen (ui.app): before it nothing is read (the walk over the screen&apos;s items would delay that frame, and nobody has heard anything yet). The text field whose typing is read (connected to its textChanged). A screen was just shown: its reading waits until QML has laid it out. Messages announced in one turn of the event loop (a form&apos;s problems), read together.</extracomment>
        <translation>القراءة الصوتية مُفعّلة.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="153"/>
        <source>Explore by touch is on: one touch reads, two quick touches choose.</source>
        <translation>الاستكشاف باللمس مُفعّل: لمسة واحدة تقرأ، ولمستان سريعتان تختاران.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="157"/>
        <source>Explore by touch is off.</source>
        <translation>الاستكشاف باللمس غير مُفعّل.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="164"/>
        <source>Faster</source>
        <translation>أسرع</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="170"/>
        <source>Slower</source>
        <translation>أبطأ</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="176"/>
        <source>Louder</source>
        <translation>صوت أعلى</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="182"/>
        <source>Quieter</source>
        <translation>صوت أخفض</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="192"/>
        <source>Arrow keys: from one control to the next. Enter: choose. Back: one step back. Help: read this again.</source>
        <translation>مفاتيح الأسهم: من عنصر إلى التالي. Enter: اختيار. رجوع: خطوة إلى الوراء. مساعدة: إعادة قراءة هذا.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="198"/>
        <source>On the screen: one touch reads, two quick touches choose.</source>
        <translation>على الشاشة: لمسة واحدة تقرأ، ولمستان سريعتان تختاران.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="207"/>
        <source>Keyboard: the arrow keys choose a key, Enter types it. Back: done typing.</source>
        <translation>لوحة المفاتيح: مفاتيح الأسهم تختار مفتاحًا، وEnter يكتبه. رجوع: إنهاء الكتابة.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="231"/>
        <source>your tracking number</source>
        <translation>رقم المعاملة الخاص بك</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="35"/>
        <source>button</source>
        <extracomment>What kind of control the citizen is on, in words (translated when spoken).</extracomment>
        <translation>زر</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="36"/>
        <source>check box</source>
        <translation>خانة اختيار</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="37"/>
        <source>option</source>
        <translation>خيار</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="38"/>
        <source>input field</source>
        <translation>حقل إدخال</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="39"/>
        <source>list</source>
        <translation>قائمة</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="40"/>
        <source>link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="41"/>
        <source>heading</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="128"/>
        <source>your entry</source>
        <translation>بياناتك</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="141"/>
        <source>key</source>
        <translation>مفتاح</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="151"/>
        <source>selected</source>
        <translation>محدد</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="153"/>
        <source>not selected</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="157"/>
        <source>not available</source>
        <translation>غير متاح</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="175"/>
        <source>empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="179"/>
        <source>digits entered: %1</source>
        <translation>عدد الأرقام المُدخلة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="181"/>
        <source>characters entered: %1</source>
        <translation>عدد الأحرف المُدخلة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="185"/>
        <source>filled in</source>
        <translation>تمت التعبئة</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="193"/>
        <source>deleted</source>
        <translation>تم الحذف</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="200"/>
        <source>digit entered</source>
        <translation>تم إدخال رقم</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="201"/>
        <location filename="../../ui/speech/screen_reader.py" line="206"/>
        <source>character entered</source>
        <translation>تم إدخال حرف</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../kiosk/receipt.py" line="33"/>
        <source>{day} {month} {year}, {time}</source>
        <translation>{day} {month} {year}، {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="45"/>
        <source>Jan</source>
        <translation>يناير</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="46"/>
        <source>Feb</source>
        <translation>فبراير</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="47"/>
        <source>Mar</source>
        <translation>مارس</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="48"/>
        <source>Apr</source>
        <translation>أبريل</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="49"/>
        <source>May</source>
        <translation>مايو</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="50"/>
        <source>Jun</source>
        <translation>يونيو</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="51"/>
        <source>Jul</source>
        <translation>يوليو</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="52"/>
        <source>Aug</source>
        <translation>أغسطس</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="53"/>
        <source>Sep</source>
        <translation>سبتمبر</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="54"/>
        <source>Oct</source>
        <translation>أكتوبر</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="55"/>
        <source>Nov</source>
        <translation>نوفمبر</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="56"/>
        <source>Dec</source>
        <translation>ديسمبر</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="80"/>
        <source>Receipt</source>
        <translation>إيصال استلام</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="83"/>
        <source>Submitted on:</source>
        <translation>تاريخ التقديم:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="84"/>
        <source>Your tracking number:</source>
        <translation>رقم المعاملة الخاص بك:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="89"/>
        <source>Not sent yet: the terminal cannot reach the town hall right now. Your application is stored encrypted and will be sent automatically.</source>
        <translation>لم يُرسل بعد: لا يستطيع الجهاز الاتصال بالبلدية حاليًا. طلبك محفوظ بشكل مشفّر وسيُرسل تلقائيًا.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="95"/>
        <source>Your application has reached the town hall.</source>
        <translation>وصل طلبك إلى البلدية.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="100"/>
        <source>To see the status of your application, scan the QR code with your phone.</source>
        <translation>لمعرفة حالة طلبك، امسح رمز QR بهاتفك.</translation>
    </message>
</context>
<context>
    <name>Receipt mail</name>
    <message>
        <location filename="../../hub/mailer.py" line="72"/>
        <source>{year}-{month}-{day} {time}</source>
        <extracomment>Pauses between tries: 30 s, 1 min, 2 min … up to an hour; given up after this many tries. The citizen&apos;s status page; ``{tracking}`` becomes the tracking number.</extracomment>
        <translation>{day}/{month}/{year} {time}</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="105"/>
        <source>Your application</source>
        <translation>طلبك</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="110"/>
        <source>Receipt: {service} – {tracking}</source>
        <translation>إيصال استلام: {service} – {tracking}</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="117"/>
        <source>Hello,

Your application “{service}” has reached {municipality}.

Your tracking number: {tracking}
Submitted on: {when}

{next_steps}

See the status of your application here: {link}

This e-mail was requested at the citizen terminal and written automatically. Please do not reply to it.</source>
        <translation>مرحبًا،

وصل طلبك «{service}» إلى {municipality}.

رقم المعاملة الخاص بك: {tracking}
تاريخ التقديم: {when}

{next_steps}

يمكنك معرفة حالة طلبك هنا: {link}

طُلبت هذه الرسالة من جهاز خدمة المواطنين وأُنشئت تلقائيًا. يرجى عدم الرد عليها.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../ui/models/review.py" line="80"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../ui/models/review.py" line="82"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="26"/>
        <source>Please check your details</source>
        <translation>يُرجى التحقق من بياناتك</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="54"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="98"/>
        <source>Change</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="56"/>
        <source>Change: %1</source>
        <translation>تغيير: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="78"/>
        <source>from ID card</source>
        <translation>من بطاقة الهوية</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="93"/>
        <source>Photos: %1</source>
        <translation>الصور: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="99"/>
        <source>Change the photos</source>
        <translation>تغيير الصور</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="129"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="136"/>
        <source>Receipt by e-mail (optional)</source>
        <translation>الإيصال عبر البريد الإلكتروني (اختياري)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="131"/>
        <source>The printer is not working. If you like, the town hall sends your receipt to this address. It is used for nothing else.</source>
        <translation>الطابعة لا تعمل حاليًا. إذا أردت، سترسل البلدية إيصالك إلى هذا العنوان. ولن يُستخدم لأي غرض آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="140"/>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="149"/>
        <source>This is not an e-mail address. Please check it, or leave the field empty.</source>
        <translation>هذا ليس عنوان بريد إلكتروني. يُرجى التحقق منه، أو ترك الحقل فارغًا.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="155"/>
        <source>Privacy</source>
        <translation>حماية البيانات</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="211"/>
        <source>I have read the privacy notice and want to send my application.</source>
        <translation>قرأت إشعار حماية البيانات وأريد إرسال طلبي.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="219"/>
        <source>To send, please tick the box above.</source>
        <translation>للإرسال، يُرجى وضع علامة في المربع أعلاه.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="220"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="31"/>
        <source>What you need</source>
        <translation>ما تحتاج إليه</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="34"/>
        <source>About %n minute(s)</source>
        <translation>
            <numerusform>حوالي %n دقيقة</numerusform>
            <numerusform>حوالي %n دقيقة</numerusform>
            <numerusform>حوالي %n دقيقتين</numerusform>
            <numerusform>حوالي %n دقائق</numerusform>
            <numerusform>حوالي %n دقيقة</numerusform>
            <numerusform>حوالي %n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="40"/>
        <source>Your ID card or passport</source>
        <translation>بطاقة هويتك أو جواز سفرك</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="41"/>
        <source>Your ID card, if you like (fills in your details)</source>
        <translation>بطاقة هويتك، إذا أردت (لملء بياناتك تلقائيًا)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="46"/>
        <source>Up to %n photo(s), taken here with the camera</source>
        <translation>
            <numerusform>حتى %n صورة، تُلتقط هنا بالكاميرا</numerusform>
            <numerusform>حتى %n صورة، تُلتقط هنا بالكاميرا</numerusform>
            <numerusform>حتى %n صورتين، تُلتقطان هنا بالكاميرا</numerusform>
            <numerusform>حتى %n صور، تُلتقط هنا بالكاميرا</numerusform>
            <numerusform>حتى %n صورة، تُلتقط هنا بالكاميرا</numerusform>
            <numerusform>حتى %n صورة، تُلتقط هنا بالكاميرا</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="107"/>
        <source>Demo: the simulated receipt printer</source>
        <translation>عرض تجريبي: طابعة الإيصالات المحاكاة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="114"/>
        <source>Take the paper out</source>
        <translation>إخراج الورق</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="115"/>
        <source>Put a new roll in</source>
        <translation>وضع لفة ورق جديدة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="123"/>
        <source>Start</source>
        <translation>بدء</translation>
    </message>
</context>
<context>
    <name>SessionDialogs</name>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="12"/>
        <source>Do you want to cancel?</source>
        <translation>هل تريد الإلغاء؟</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="14"/>
        <source>Everything you entered will be deleted.</source>
        <translation>سيتم حذف كل ما أدخلته.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="20"/>
        <source>Your call with the town hall ends too.</source>
        <translation>ستنتهي أيضًا مكالمتك مع البلدية.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="29"/>
        <source>No, continue</source>
        <translation>لا، متابعة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="36"/>
        <source>Yes, cancel</source>
        <translation>نعم، إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="47"/>
        <source>Are you still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="50"/>
        <source>For your privacy, this session will end in %n second(s) and your entries will be deleted.</source>
        <translation>
            <numerusform>لحماية خصوصيتك، ستنتهي هذه الجلسة خلال %n ثانية وستُحذف بياناتك المدخلة.</numerusform>
            <numerusform>لحماية خصوصيتك، ستنتهي هذه الجلسة خلال %n ثانية وستُحذف بياناتك المدخلة.</numerusform>
            <numerusform>لحماية خصوصيتك، ستنتهي هذه الجلسة خلال %n ثانيتين وستُحذف بياناتك المدخلة.</numerusform>
            <numerusform>لحماية خصوصيتك، ستنتهي هذه الجلسة خلال %n ثوانٍ وستُحذف بياناتك المدخلة.</numerusform>
            <numerusform>لحماية خصوصيتك، ستنتهي هذه الجلسة خلال %n ثانية وستُحذف بياناتك المدخلة.</numerusform>
            <numerusform>لحماية خصوصيتك، ستنتهي هذه الجلسة خلال %n ثانية وستُحذف بياناتك المدخلة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="62"/>
        <source>Yes, I need more time</source>
        <translation>نعم، أحتاج إلى وقت أطول</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="71"/>
        <source>I always need more time</source>
        <translation>أحتاج دائمًا إلى وقت أطول</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="80"/>
        <source>Talk to a clerk</source>
        <translation>التحدث مع موظف</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="84"/>
        <source>Video calls from this terminal are coming soon. Until then, the citizens&apos; office answers on the telephone:</source>
        <translation>ستتوفر مكالمات الفيديو من هذا الجهاز قريبًا. حتى ذلك الحين، يمكنك الاتصال بمكتب خدمة المواطنين عبر الهاتف:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="85"/>
        <source>Video calls from this terminal are coming soon. Until then, please ask at the citizens&apos; office.</source>
        <translation>ستتوفر مكالمات الفيديو من هذا الجهاز قريبًا. حتى ذلك الحين، يُرجى السؤال في مكتب خدمة المواطنين.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="101"/>
        <source>Hours: %1</source>
        <translation>أوقات العمل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="106"/>
        <source>OK</source>
        <translation>حسنًا</translation>
    </message>
</context>
<context>
    <name>Status page</name>
    <message>
        <location filename="../../hub/status.py" line="141"/>
        <source>Too many lookups; please wait a little.</source>
        <extracomment>The statuses as the clerks read them (the citizen&apos;s page has them in the citizen&apos;s language).</extracomment>
        <translation>عدد كبير جدًا من الاستعلامات؛ يرجى الانتظار قليلًا.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="192"/>
        <source>Received</source>
        <translation>تم الاستلام</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="193"/>
        <source>In progress</source>
        <translation>قيد المعالجة</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="194"/>
        <source>Done</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="195"/>
        <source>Rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="203"/>
        <source>Status of your application – {municipality}</source>
        <translation>حالة طلبك – {municipality}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="206"/>
        <source>Tracking number {code}</source>
        <translation>رقم المعاملة {code}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="207"/>
        <source>Other languages</source>
        <translation>لغات أخرى</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="208"/>
        <source>There is no application with this tracking number. Please check the number on your receipt.</source>
        <translation>لا يوجد طلب بهذا الرقم. يرجى التحقق من الرقم المطبوع على إيصالك.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="213"/>
        <source>An application the terminal could not send yet appears here as soon as it has reached the town hall.</source>
        <translation>الطلب الذي لم يتمكن الجهاز من إرساله بعد يظهر هنا بمجرد وصوله إلى البلدية.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="220"/>
        <source>Received on {received}, last changed on {changed}.</source>
        <translation>تاريخ الاستلام: {received}، آخر تعديل: {changed}.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="27"/>
        <source>Status of your application</source>
        <translation>حالة طلبك</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="30"/>
        <source>Tracking number:</source>
        <translation>رقم المعاملة:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="51"/>
        <source>Asking the town hall …</source>
        <translation>جارٍ الاستعلام لدى البلدية …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="80"/>
        <source>Submitted: %1</source>
        <translation>تاريخ التقديم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="85"/>
        <source>Last change: %1</source>
        <translation>آخر تغيير: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="94"/>
        <source>Message from the town hall: %1</source>
        <translation>رسالة من البلدية: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="111"/>
        <source>Ask again</source>
        <translation>الاستعلام مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Correct the number</source>
        <translation>تصحيح الرقم</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="123"/>
        <source>Finish</source>
        <translation>إنهاء</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/qml/screens/SubmittingScreen.qml" line="18"/>
        <source>Your application is being saved …</source>
        <translation>جارٍ حفظ طلبك …</translation>
    </message>
</context>
<context>
    <name>TechnicianPanel</name>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="17"/>
        <source>Terminal</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="18"/>
        <source>Certificate valid until</source>
        <translation>الشهادة صالحة حتى</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="19"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="20"/>
        <source>Configuration from the hub</source>
        <translation>الإعدادات من Hub</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="21"/>
        <source>Applications waiting</source>
        <translation>طلبات في الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="22"/>
        <source>Undeliverable</source>
        <translation>تعذّر تسليمها</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="23"/>
        <source>Software version</source>
        <translation>إصدار البرنامج</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="24"/>
        <source>Card reader</source>
        <translation>قارئ البطاقات</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="25"/>
        <source>Printer</source>
        <translation>الطابعة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="26"/>
        <source>Camera</source>
        <translation>الكاميرا</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="27"/>
        <source>Clock</source>
        <translation>الساعة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="28"/>
        <source>TURN server</source>
        <translation>خادم TURN</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="29"/>
        <source>Disk space</source>
        <translation>مساحة التخزين</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="37"/>
        <source>Wrong PIN. %1 more tries before the service mode is locked.</source>
        <translation>رمز PIN خاطئ. المحاولات المتبقية قبل قفل وضع الخدمة: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="38"/>
        <source>Too many wrong PINs: locked for %1 minutes.</source>
        <translation>محاولات PIN خاطئة كثيرة جدًا: تم القفل لمدة %1 دقيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="39"/>
        <source>No technician PIN is set. Set it over SSH: python -m provisioning pin</source>
        <translation>لم يتم تعيين رمز PIN للفني. يمكن تعيينه عبر SSH: python -m provisioning pin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="40"/>
        <source>This terminal knows no hub for a typed code: scan the QR code instead.</source>
        <translation>لا يعرف هذا الجهاز أي Hub لرمز مكتوب: يُرجى مسح رمز QR بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="41"/>
        <source>That is not an enrolment code. Check it and type it again.</source>
        <translation>هذا ليس رمز تسجيل. يُرجى التحقق منه وكتابته مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="42"/>
        <source>Not enrolled: %1</source>
        <translation>لم يتم التسجيل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="43"/>
        <source>Enrolled as %1. The terminal restarts now.</source>
        <translation>تم التسجيل باسم %1. سيُعاد تشغيل الجهاز الآن.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="44"/>
        <source>The camera is not available: type the code instead.</source>
        <translation>الكاميرا غير متاحة: يُرجى كتابة الرمز بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="57"/>
        <source>Service mode</source>
        <translation>وضع الخدمة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="62"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="84"/>
        <source>Technician PIN</source>
        <translation>رمز PIN للفني</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>Erase</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="133"/>
        <source>This terminal</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="161"/>
        <source>Run the self-test</source>
        <translation>تشغيل الاختبار الذاتي</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="167"/>
        <source>Self-test at %1 (a test page was printed):</source>
        <translation>الاختبار الذاتي في الساعة %1 (تمت طباعة صفحة اختبار):</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="192"/>
        <source>Enrol with the hub</source>
        <translation>التسجيل لدى Hub</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="199"/>
        <source>Type the enrolment code from the hub&apos;s fleet page, or hold its QR code to the camera.</source>
        <translation>يُرجى كتابة رمز التسجيل من صفحة الأجهزة في Hub، أو وضع رمز QR الخاص به أمام الكاميرا.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="200"/>
        <source>Hold the QR code from the hub&apos;s fleet page to the camera.</source>
        <translation>يُرجى وضع رمز QR من صفحة الأجهزة في Hub أمام الكاميرا.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="218"/>
        <source>Enrol</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Looking for the QR code …</source>
        <translation>جارٍ البحث عن رمز QR …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Scan the QR code</source>
        <translation>مسح رمز QR</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="133"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="182"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>Read aloud</source>
        <translation>القراءة الصوتية</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>on</source>
        <translation>مُفعّلة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>off</source>
        <translation>غير مُفعّلة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="215"/>
        <source>Slower</source>
        <translation>أبطأ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="222"/>
        <source>Faster</source>
        <translation>أسرع</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="229"/>
        <source>Quieter</source>
        <translation>صوت أخفض</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="236"/>
        <source>Louder</source>
        <translation>صوت أعلى</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <source>Explore by touch</source>
        <translation>الاستكشاف باللمس</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <source>More time</source>
        <translation>وقت أطول</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="259"/>
        <source>Read this screen</source>
        <translation>قراءة هذه الشاشة</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="268"/>
        <source>Stop reading aloud</source>
        <translation>إيقاف القراءة الصوتية</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="282"/>
        <source>Larger text</source>
        <translation>خط أكبر</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="289"/>
        <source>Contrast</source>
        <translation>التباين</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="292"/>
        <source>High contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Clerk</source>
        <translation>موظف</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Talk to a clerk</source>
        <translation>التحدث مع موظف</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Finish</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/TopBar.qml" line="326"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>غير متصل — %n طلب في الانتظار، وسيُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلب في الانتظار، وسيُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلبان في الانتظار، وسيُرسلان تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلبات في الانتظار، وستُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلبًا في الانتظار، وستُرسل تلقائيًا</numerusform>
            <numerusform>غير متصل — %n طلب في الانتظار، وستُرسل تلقائيًا</numerusform>
        </translation>
    </message>
</context>
</TS>
