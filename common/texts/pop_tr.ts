<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en">
<context>
    <name>AttachmentsScreen</name>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="83"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="92"/>
        <source>The picture is too dark.</source>
        <translation>Görüntü çok karanlık.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="84"/>
        <source>The picture is blurred: please hold still.</source>
        <translation>Görüntü bulanık: Lütfen kıpırdamayın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="86"/>
        <source>The page is not wholly in the picture: move it towards the middle.</source>
        <translation>Sayfanın tamamı görüntüde değil: Sayfayı ortaya doğru kaydırın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="88"/>
        <source>Place the page under the camera, on a dark surface if you can.</source>
        <translation>Sayfayı kameranın altına koyun, mümkünse koyu renkli bir zemin üzerine.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="90"/>
        <source>The picture is blurred: please hold the page still.</source>
        <translation>Görüntü bulanık: Lütfen sayfayı sabit tutun.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="94"/>
        <source>Light is reflected on the page: tilt it a little.</source>
        <translation>Sayfada ışık yansıyor: Sayfayı biraz eğin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="95"/>
        <source>Page found: you can take the photo.</source>
        <translation>Sayfa algılandı: Fotoğrafı çekebilirsiniz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Taking photo …</source>
        <translation>Fotoğraf çekiliyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Take photo</source>
        <translation>Fotoğraf çek</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="110"/>
        <source>%1 of at most %2 photos</source>
        <translation>%1 fotoğraf (en fazla %2)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="119"/>
        <source>Demo:</source>
        <translation>Demo:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="122"/>
        <source>Hold up a page</source>
        <translation>Sayfa göster</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="128"/>
        <source>Show the street</source>
        <translation>Sokağı göster</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="136"/>
        <source>The camera is not working right now. You can send without a photo if the service allows it, or talk to a clerk.</source>
        <translation>Kamera şu anda çalışmıyor. Hizmet izin veriyorsa fotoğrafsız gönderebilir ya da bir belediye görevlisiyle konuşabilirsiniz.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="142"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="208"/>
        <source>At least %n photo(s) needed.</source>
        <translation>
            <numerusform>En az %n fotoğraf gerekli.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="166"/>
        <source>Photo %1</source>
        <translation>Fotoğraf %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="183"/>
        <source>Page cut off: take it again?</source>
        <translation>Sayfa kesik: Yeniden çekilsin mi?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="184"/>
        <source>Blurred: take it again?</source>
        <translation>Bulanık: Yeniden çekilsin mi?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="185"/>
        <source>Too dark: take it again?</source>
        <translation>Çok karanlık: Yeniden çekilsin mi?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="186"/>
        <source>Reflection: take it again?</source>
        <translation>Yansıma var: Yeniden çekilsin mi?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="191"/>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="240"/>
        <source>Remove and take again</source>
        <translation>Kaldır ve yeniden çek</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="248"/>
        <source>Back to the photos</source>
        <translation>Fotoğraflara dön</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="33"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Çevrimdışı — %n başvuru bekliyor, otomatik olarak gönderilecek</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="70"/>
        <source>Report problems, apply, make appointments – and talk to a clerk by video.</source>
        <translation>Sorun bildirin, başvuru yapın, randevu alın – ve belediyeyle görüntülü konuşun.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="79"/>
        <source>Touch here to start</source>
        <translation>Başlamak için buraya dokunun</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="92"/>
        <source>Talk to the town hall</source>
        <translation>Belediyeyle konuşun</translation>
    </message>
</context>
<context>
    <name>CallDock</name>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="65"/>
        <source>Reconnecting …</source>
        <translation>Yeniden bağlanılıyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>● Camera on</source>
        <translation>● Kamera açık</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>Camera off</source>
        <translation>Kamera kapalı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="77"/>
        <source>Microphone off</source>
        <translation>Mikrofon kapalı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="93"/>
        <source>The town hall asks for a photo of your ID.</source>
        <translation>Belediye, kimliğinizin fotoğrafını istiyor.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="95"/>
        <source>The town hall suggests something for your form.</source>
        <translation>Belediyenin formunuz için bir önerisi var.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallDock.qml" line="97"/>
        <source>%n new message(s) from the town hall.</source>
        <translation>
            <numerusform>Belediyeden %n yeni mesaj.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="100"/>
        <source>The printer could not print “%1”.</source>
        <translation>Yazıcı “%1” belgesini yazdıramadı.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="101"/>
        <source>Printing “%1” …</source>
        <translation>“%1” yazdırılıyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="102"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Lütfen “%1” belgesini yazıcıdan alın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="109"/>
        <source>Show the call</source>
        <translation>Görüşmeyi göster</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Mikrofonu aç</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Mikrofonu kapat</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="126"/>
        <source>Hang up</source>
        <translation>Görüşmeyi bitir</translation>
    </message>
</context>
<context>
    <name>CallOverlay</name>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="59"/>
        <source>Call back</source>
        <translation>Geri arama</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="60"/>
        <source>Talk to a clerk</source>
        <translation>Belediyeyle konuşun</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="61"/>
        <source>The call has ended</source>
        <translation>Görüşme sona erdi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="62"/>
        <source>Talk to the town hall</source>
        <translation>Belediyeyle konuşun</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="70"/>
        <source>A clerk of the town hall will see and hear you, and see the form you are filling in (and the photo from your ID card, if it was read). Your camera and microphone are switched on for the call. Nothing is recorded.</source>
        <translation>Belediyeden bir görevli sizi görecek ve duyacak, doldurduğunuz formu da görecek (kimlik kartınız okunduysa, karttaki fotoğrafınızı da). Görüşme için kameranız ve mikrofonunuz açılır. Hiçbir şey kaydedilmez.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="72"/>
        <source>Connecting to the town hall …</source>
        <translation>Belediyeye bağlanılıyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="75"/>
        <source>Nobody at the town hall can take your call right now. You can ask to be called back, or wait.</source>
        <translation>Belediyede şu anda aramanızı yanıtlayabilecek kimse yok. Geri aranmayı isteyebilir ya da bekleyebilirsiniz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="77"/>
        <source>You are next.</source>
        <translation>Sıradaki sizsiniz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="78"/>
        <source>You are number %1 in the queue.</source>
        <translation>Sırada %1. kişisiniz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="80"/>
        <source>The town hall will call you back. Please give your phone number and what it is about.</source>
        <translation>Belediye sizi geri arayacak. Lütfen telefon numaranızı ve konuyu yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="82"/>
        <source>Thank you. The town hall will call you back. Your tracking number:</source>
        <translation>Teşekkür ederiz. Belediye sizi geri arayacak. Takip numaranız:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="84"/>
        <source>%1 is taking your call …</source>
        <translation>%1 aramanızı yanıtlıyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="86"/>
        <source>The connection was interrupted. Reconnecting you to %1 …</source>
        <translation>Bağlantı kesildi. %1 ile yeniden bağlantı kuruluyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="89"/>
        <source>Nobody at the town hall could take your call in time. Your entries are kept.</source>
        <translation>Belediyede kimse aramanızı zamanında yanıtlayamadı. Girdiğiniz bilgiler korunuyor.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="91"/>
        <source>The connection was lost. Your entries are kept.</source>
        <translation>Bağlantı koptu. Girdiğiniz bilgiler korunuyor.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="92"/>
        <source>Your entries are kept. You can carry on where you were.</source>
        <translation>Girdiğiniz bilgiler korunuyor. Kaldığınız yerden devam edebilirsiniz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="95"/>
        <source>The town hall has too many calls right now.</source>
        <translation>Belediyede şu anda çok fazla arama var.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="97"/>
        <source>Video calls are not possible from this terminal.</source>
        <translation>Bu terminalden görüntülü görüşme yapılamıyor.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="98"/>
        <source>The town hall cannot be reached right now.</source>
        <translation>Belediyeye şu anda ulaşılamıyor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallOverlay.qml" line="118"/>
        <source>Estimated wait: about %n minute(s).</source>
        <translation>
            <numerusform>Tahmini bekleme süresi: yaklaşık %n dakika.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="119"/>
        <source>A clerk will be with you shortly.</source>
        <translation>Birazdan bir görevli sizinle ilgilenecek.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="134"/>
        <source>Hours: %1</source>
        <translation>Çalışma saatleri: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="190"/>
        <source>Your request could not be stored. Please try again.</source>
        <translation>İsteğiniz kaydedilemedi. Lütfen tekrar deneyin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="202"/>
        <source>Ask for a call back</source>
        <translation>Geri arama iste</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="210"/>
        <source>Send the request</source>
        <translation>İsteği gönder</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="218"/>
        <source>Start the call</source>
        <translation>Görüşmeyi başlat</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="227"/>
        <source>Cancel the call</source>
        <translation>Aramayı iptal et</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back to where I was</source>
        <translation>Kaldığım yere dön</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="341"/>
        <source>The camera gave no picture. Please try again.</source>
        <translation>Kameradan görüntü gelmedi. Lütfen tekrar deneyin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="342"/>
        <source>The town hall asks for a photo of your ID card or passport. Hold the side with your photo to the camera, then send it. It goes only to the clerk and is not stored.</source>
        <translation>Belediye, kimlik kartınızın veya pasaportunuzun fotoğrafını istiyor. Fotoğrafınızın olduğu yüzü kameraya tutun, sonra gönderin. Fotoğraf yalnızca görevliye gider ve saklanmaz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="349"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Demo: Örnek pasaportu göster</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Sending …</source>
        <translation>Gönderiliyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Send the photo</source>
        <translation>Fotoğrafı gönder</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="366"/>
        <source>Do not send</source>
        <translation>Gönderme</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="378"/>
        <source>✓ The photo of your ID has been sent to the town hall.</source>
        <translation>✓ Kimliğinizin fotoğrafı belediyeye gönderildi.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="386"/>
        <source>The sound is not working at this terminal. Please write to the town hall below; they can still see you.</source>
        <translation>Bu terminalde ses çalışmıyor. Lütfen belediyeye aşağıdan yazın; görevli sizi yine de görebilir.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="394"/>
        <source>✓ The town hall has confirmed who you are. It goes with your application.</source>
        <translation>✓ Belediye kimliğinizi doğruladı. Bu bilgi başvurunuza eklenir.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="426"/>
        <source>The town hall suggests for “%1”: %2</source>
        <translation>Belediyenin “%1” için önerisi: %2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="427"/>
        <source>The town hall suggests for “%1”: %2 (now: %3)</source>
        <translation>Belediyenin “%1” için önerisi: %2 (şu an: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="433"/>
        <source>Take it</source>
        <translation>Kabul et</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="438"/>
        <source>Keep mine</source>
        <translation>Benimki kalsın</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="460"/>
        <source>The printer could not print “%1”. The clerk has been told.</source>
        <translation>Yazıcı “%1” belgesini yazdıramadı. Görevliye bilgi verildi.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="462"/>
        <source>The town hall is printing “%1” for you …</source>
        <translation>Belediye sizin için “%1” belgesini yazdırıyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="463"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Lütfen “%1” belgesini yazıcıdan alın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>● Camera on</source>
        <translation>● Kamera açık</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>Camera off</source>
        <translation>Kamera kapalı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Mikrofonu aç</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Mikrofonu kapat</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera off</source>
        <comment>button: turns it off</comment>
        <translation>Kamerayı kapat</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera on</source>
        <comment>button: turns it on</comment>
        <translation>Kamerayı aç</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="492"/>
        <source>Make the call small</source>
        <translation>Görüşmeyi küçült</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="497"/>
        <source>Hang up</source>
        <translation>Görüşmeyi bitir</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="510"/>
        <source>Messages</source>
        <translation>Mesajlar</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>You: </source>
        <translation>Siz: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>Town hall: </source>
        <translation>Belediye: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="538"/>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="540"/>
        <source>Write a message</source>
        <translation>Mesaj yazın</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="550"/>
        <source>Send</source>
        <translation>Gönder</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="34"/>
        <source>Thank you! Your application has arrived at the town hall.</source>
        <translation>Teşekkür ederiz! Başvurunuz belediyeye ulaştı.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="35"/>
        <source>Thank you! Your application is stored safely.</source>
        <translation>Teşekkür ederiz! Başvurunuz güvenle kaydedildi.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="38"/>
        <source>Your tracking number:</source>
        <translation>Takip numaranız:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="70"/>
        <source>The town hall also sends your receipt to your e-mail address.</source>
        <translation>Belediye makbuzunuzu e-posta adresinize de gönderecek.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="76"/>
        <source>This page closes in %n second(s). Touch the screen if you need more time.</source>
        <translation>
            <numerusform>Bu sayfa %n saniye içinde kapanacak. Daha fazla zamana ihtiyacınız varsa ekrana dokunun.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="87"/>
        <source>Try printing again</source>
        <translation>Yeniden yazdır</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="94"/>
        <source>Read the receipt aloud</source>
        <translation>Belgeyi sesli oku</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="99"/>
        <source>Finish</source>
        <translation>Bitir</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="123"/>
        <source>Your receipt</source>
        <translation>Makbuzunuz</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="149"/>
        <source>Take a photo of this with your phone. The QR code shows the status of your application.</source>
        <translation>Lütfen bunun fotoğrafını telefonunuzla çekin. QR kod, başvurunuzun durumunu gösterir.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="75"/>
        <source>Added by the town hall</source>
        <translation>Belediye tarafından eklendi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="95"/>
        <source>From your ID card</source>
        <translation>Kimlik kartınızdan</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="144"/>
        <source>DD.MM.YYYY</source>
        <translation>GG.AA.YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="176"/>
        <source>Plus sign</source>
        <translation>Artı işareti</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="201"/>
        <source>Scan the QR code on the receipt</source>
        <translation>Makbuzdaki QR kodu tara</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="211"/>
        <source>This QR code is not from a receipt of this town hall. Please hold the QR code on your receipt in front of the camera, or type the number.</source>
        <translation>Bu QR kod, bu belediyenin bir makbuzuna ait değil. Lütfen makbuzunuzdaki QR kodu kameraya tutun ya da numarayı yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="213"/>
        <source>No receipt was recognised. You can try again or type the number.</source>
        <translation>Makbuz algılanmadı. Tekrar deneyebilir ya da numarayı yazabilirsiniz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="215"/>
        <source>The camera is not available right now. Please type the number.</source>
        <translation>Kamera şu anda kullanılamıyor. Lütfen numarayı yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="238"/>
        <source>Hold the QR code on your receipt in front of the camera.</source>
        <translation>Makbuzunuzdaki QR kodu kameraya tutun.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="243"/>
        <source>Type the number instead</source>
        <translation>Numarayı elle gir</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="251"/>
        <source>Demo:</source>
        <translation>Demo:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="254"/>
        <source>Hold up the receipt</source>
        <translation>Makbuzu göster</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="260"/>
        <source>Hold up another QR code</source>
        <translation>Başka QR kod göster</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="325"/>
        <source>Yes</source>
        <translation>Evet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="336"/>
        <source>No</source>
        <translation>Hayır</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="369"/>
        <source>Street</source>
        <translation>Sokak</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="370"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="371"/>
        <source>Postcode</source>
        <translation>Posta kodu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="372"/>
        <source>Town</source>
        <translation>Şehir</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="74"/>
        <source>%1 · step %2 of %3</source>
        <translation>%1 · Adım %2 / %3</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="85"/>
        <source>Please look at the fields marked in red.</source>
        <translation>Lütfen kırmızıyla işaretlenmiş alanlara bakın.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="62"/>
        <source>What can we do for you?</source>
        <translation>Size nasıl yardımcı olabiliriz?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="70"/>
        <source>The town hall describes its services in %1 only. You can still use them; the buttons and help are in your language.</source>
        <translation>Belediye hizmetlerini yalnızca şu dilde açıklıyor: %1. Yine de kullanabilirsiniz; düğmeler ve yardım sizin dilinizde.</translation>
    </message>
</context>
<context>
    <name>IdentifyModel</name>
    <message>
        <location filename="../../ui/models/identify.py" line="75"/>
        <source>The card reader is not working right now. Please talk to a clerk, or choose another service.</source>
        <translation>Kart okuyucu şu anda çalışmıyor. Lütfen bir belediye görevlisiyle konuşun ya da başka bir hizmet seçin.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="61"/>
        <source>Please place your ID card or passport on the reader</source>
        <translation>Lütfen kimlik kartınızı veya pasaportunuzu okuyucuya koyun</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="78"/>
        <source>Reading your passport or ID card … please leave it on the reader.</source>
        <translation>Pasaportunuz veya kimlik kartınız okunuyor … lütfen okuyucunun üzerinde bırakın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="79"/>
        <source>Reading your card … please leave it on the reader.</source>
        <translation>Kartınız okunuyor … lütfen okuyucunun üzerinde bırakın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="81"/>
        <source>Your passport or ID card is on the reader. To open its chip, please enter three values printed on it.</source>
        <translation>Pasaportunuz veya kimlik kartınız okuyucunun üzerinde. Çipini açmak için lütfen üzerinde yazan üç bilgiyi girin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="82"/>
        <source>Your card is on the reader. To open its chip, please enter the number printed on it.</source>
        <translation>Kartınız okuyucunun üzerinde. Çipini açmak için lütfen üzerinde yazan numarayı girin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="84"/>
        <source>Your passport or ID card has been read. Is this you?</source>
        <translation>Pasaportunuz veya kimlik kartınız okundu. Bu siz misiniz?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="85"/>
        <source>Your card has been read. Is this you?</source>
        <translation>Kartınız okundu. Bu siz misiniz?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="86"/>
        <source>That did not work.</source>
        <translation>Maalesef olmadı.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="87"/>
        <source>The card reader is not available.</source>
        <translation>Kart okuyucu kullanılamıyor.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="88"/>
        <source>The card reader is below the screen, marked with the card symbol. Lay the card flat on it.</source>
        <translation>Kart okuyucu ekranın altında, kart simgesiyle işaretli. Kartı düz bir şekilde üzerine koyun.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="106"/>
        <source>Your data is read from the chip only to fill in this form. It is deleted from the terminal when you are done.</source>
        <translation>Bilgileriniz çipten yalnızca bu formu doldurmak için okunur. İşiniz bitince terminalden silinir.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="171"/>
        <source>Access number (CAN): the six digits at the bottom right of the front of your ID card.</source>
        <translation>Erişim numarası (CAN): Kimlik kartınızın ön yüzünde, sağ alttaki altı rakam.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="172"/>
        <source>On the photo page of your passport (on an ID card: its back), also in the lines of letters at the bottom: the document number, your date of birth and the date of expiry.</source>
        <translation>Pasaportunuzun fotoğraflı sayfasında (kimlik kartında: arka yüzünde), ayrıca alttaki harf satırlarında: belge numarası, doğum tarihiniz ve son geçerlilik tarihi.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="202"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="219"/>
        <source>Access number (6 digits)</source>
        <translation>Erişim numarası (6 rakam)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="206"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="231"/>
        <source>Passport or card number</source>
        <translation>Pasaport veya kart numarası</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="207"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="244"/>
        <source>Date of birth (DD.MM.YYYY)</source>
        <translation>Doğum tarihi (GG.AA.YYYY)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="208"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="246"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="259"/>
        <source>Valid until (DD.MM.YYYY)</source>
        <translation>Geçerlilik sonu (GG.AA.YYYY)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="263"/>
        <source>Open the chip</source>
        <translation>Çipi aç</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="272"/>
        <source>No number on my card</source>
        <translation>Kartımda numara yok</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="280"/>
        <source>Read the photo page with the camera</source>
        <translation>Fotoğraflı sayfayı kamerayla oku</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="290"/>
        <source>The lines of letters could not be read. Try again, or type the three values.</source>
        <translation>Harf satırları okunamadı. Tekrar deneyin ya da üç bilgiyi elle girin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="292"/>
        <source>The camera is not available right now. Please type the three values.</source>
        <translation>Kamera şu anda kullanılamıyor. Lütfen üç bilgiyi elle girin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="312"/>
        <source>Hold the photo page of your passport under the camera, with the lines of letters at the bottom fully in view.</source>
        <translation>Pasaportunuzun fotoğraflı sayfasını kameranın altına tutun; alttaki harf satırları tamamen görünsün.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="317"/>
        <source>Type the values instead</source>
        <translation>Bilgileri elle gir</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="323"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Demo: Örnek pasaportu göster</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="350"/>
        <source>Born on %1</source>
        <translation>Doğum tarihi: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="353"/>
        <source>Yes, that is me</source>
        <translation>Evet, bu benim</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="354"/>
        <source>No</source>
        <translation>Hayır</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="371"/>
        <source>Demo: place a sample card on the simulated reader</source>
        <translation>Demo: Simüle okuyucuya örnek kart koy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="381"/>
        <source>Sample ID card (Erika Mustermann)</source>
        <translation>Örnek kimlik kartı (Erika Mustermann)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="382"/>
        <source>Sample passport (Anna Maria Eriksson)</source>
        <translation>Örnek pasaport (Anna Maria Eriksson)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="383"/>
        <source>Damaged card</source>
        <translation>Hasarlı kart</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="399"/>
        <source>Continue without ID card</source>
        <translation>Kimlik kartı olmadan devam et</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="20"/>
        <source>the street</source>
        <translation>sokak</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="21"/>
        <source>the house number</source>
        <translation>kapı numarası</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="22"/>
        <source>the postcode</source>
        <translation>posta kodu</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>the town</source>
        <translation>şehir</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Please choose one of the options.</source>
        <translation>Lütfen seçeneklerden birini seçin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Please fill in this field.</source>
        <translation>Lütfen bu alanı doldurun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>Please write at least %1 characters.</source>
        <translation>Lütfen en az %1 karakter yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Please write at most %1 characters.</source>
        <translation>Lütfen en fazla %1 karakter yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <location filename="../../ui/messages.py" line="90"/>
        <source>This does not look right. Please check it.</source>
        <translation>Bu doğru görünmüyor. Lütfen kontrol edin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Please enter a number, for example 2 or 2,5.</source>
        <translation>Lütfen bir sayı girin, örneğin 2 veya 2,5.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>Please enter at least %1.</source>
        <translation>Lütfen en az %1 girin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>Please enter at most %1.</source>
        <translation>Lütfen en fazla %1 girin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Please enter a date like 24.12.2026 (day.month.year).</source>
        <translation>Lütfen tarihi 24.12.2026 gibi girin (gün.ay.yıl).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>The date cannot be before %1.</source>
        <translation>Tarih %1 tarihinden önce olamaz.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>The date cannot be after %1.</source>
        <translation>Tarih %1 tarihinden sonra olamaz.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>This is not an email address. It looks like name@example.de.</source>
        <translation>Bu bir e-posta adresi değil. E-posta adresi şöyle görünür: name@example.de.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>Please enter a phone number with digits only, for example 0221 123456.</source>
        <translation>Lütfen telefon numarasını yalnızca rakamlarla girin, örneğin 0221 123456.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>A postcode has five digits, for example 51147.</source>
        <translation>Posta kodu beş rakamdan oluşur, örneğin 51147.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>The tracking number looks like 7K3M-Q9XD-2AF8. Please check it.</source>
        <translation>Takip numarası şöyle görünür: 7K3M-Q9XD-2AF8. Lütfen kontrol edin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>Please fill in %1.</source>
        <translation>Lütfen %1 alanını doldurun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96"/>
        <source>Your ID card or passport could not be read. Please take it off, then place it flat on the reader again.</source>
        <translation>Kimlik kartınız veya pasaportunuz okunamadı. Lütfen kaldırın, sonra tekrar düz bir şekilde okuyucuya koyun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>This card is not an ID card or passport. Please use your ID card or passport.</source>
        <translation>Bu kart bir kimlik kartı veya pasaport değil. Lütfen kimlik kartınızı veya pasaportunuzu kullanın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>Your ID card or passport was taken off too early. Please place it again and leave it until you hear the tone.</source>
        <translation>Kimlik kartınız veya pasaportunuz çok erken kaldırıldı. Lütfen tekrar koyun ve sinyal sesini duyana kadar üzerinde bırakın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>The document could not be opened. Please check the entered data.</source>
        <translation>Belge açılamadı. Lütfen girdiğiniz bilgileri kontrol edin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>This document is opened with three values printed on it. Please enter them below.</source>
        <translation>Bu belge, üzerinde yazan üç bilgiyle açılır. Lütfen bu bilgileri aşağıya girin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>This card gives its data only to the online ID function, which this terminal does not offer yet. Please use your passport, or talk to a clerk.</source>
        <translation>Bu kart bilgilerini yalnızca çevrimiçi kimlik işlevine verir; bu terminal bu işlevi henüz sunmuyor. Lütfen pasaportunuzu kullanın ya da bir belediye görevlisiyle konuşun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>This document has expired. Please use a valid ID card or passport.</source>
        <translation>Bu belgenin süresi dolmuş. Lütfen geçerli bir kimlik kartı veya pasaport kullanın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>The chip of this document could not prove that it is genuine, so this terminal cannot use it. Please talk to a clerk.</source>
        <translation>Bu belgenin çipi gerçek olduğunu kanıtlayamadı, bu yüzden bu terminal belgeyi kullanamıyor. Lütfen bir belediye görevlisiyle konuşun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>The data on this document&apos;s chip could not be checked, so this terminal cannot use it. Please place it again, or use another ID card or passport.</source>
        <translation>Bu belgenin çipindeki bilgiler kontrol edilemedi, bu yüzden bu terminal belgeyi kullanamıyor. Lütfen belgeyi tekrar koyun ya da başka bir kimlik kartı veya pasaport kullanın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>Your application could not be saved on this terminal. Nothing is lost: your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>Başvurunuz bu terminale kaydedilemedi. Hiçbir şey kaybolmadı: Girdiğiniz bilgiler hâlâ burada. Lütfen tekrar deneyin ya da bir belediye görevlisiyle konuşun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>Something went wrong while saving. Your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>Kaydederken bir sorun oluştu. Girdiğiniz bilgiler hâlâ burada. Lütfen tekrar deneyin ya da bir belediye görevlisiyle konuşun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>Your receipt is being printed …</source>
        <translation>Makbuzunuz yazdırılıyor …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>Please take your receipt.</source>
        <translation>Lütfen makbuzunuzu alın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Your receipt has been printed, but the printer could not confirm it. Please take your receipt. If none came out, take a photo of the receipt on the screen.</source>
        <translation>Makbuzunuz yazdırıldı, ancak yazıcı bunu doğrulayamadı. Lütfen makbuzunuzu alın. Makbuz çıkmadıysa ekrandaki makbuzun fotoğrafını çekin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182"/>
        <source>The printer has run out of paper. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>Yazıcıda kâğıt kalmadı. Makbuzunuz ekranda: Lütfen fotoğrafını çekin. Başvurunuz yine de alındı.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>The receipt could not be printed. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>Makbuz yazdırılamadı. Makbuzunuz ekranda: Lütfen fotoğrafını çekin. Başvurunuz yine de alındı.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>The receipt printer is not working at the moment. You can still apply: at the end your receipt is shown on the screen (tracking number and QR code) for you to take a photo of.</source>
        <translation>Makbuz yazıcısı şu anda çalışmıyor. Yine de başvurabilirsiniz: Sonunda makbuzunuz ekranda gösterilir (takip numarası ve QR kod), siz de fotoğrafını çekebilirsiniz.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208"/>
        <source>The camera of this terminal is not available at the moment, so no photos can be taken here. If your application needs photos, please talk to a clerk or come back later.</source>
        <translation>Bu terminalin kamerası şu anda kullanılamıyor, bu yüzden burada fotoğraf çekilemez. Başvurunuz için fotoğraf gerekiyorsa lütfen bir belediye görevlisiyle konuşun ya da daha sonra tekrar gelin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220"/>
        <source>It has been sent to the town hall and has arrived there.</source>
        <translation>Başvurunuz belediyeye gönderildi ve oraya ulaştı.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>It could not be sent yet: the terminal cannot reach the town hall at the moment. Your application is stored here, encrypted, and will be sent automatically. You do not need to do anything.</source>
        <translation>Başvurunuz henüz gönderilemedi: Terminal şu anda belediyeye ulaşamıyor. Başvurunuz burada şifreli olarak saklanıyor ve otomatik olarak gönderilecek. Sizin bir şey yapmanıza gerek yok.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230"/>
        <source>It is being sent to the town hall …</source>
        <translation>Başvurunuz belediyeye gönderiliyor …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241"/>
        <source>This terminal cannot take new applications at the moment because its storage is full. Please talk to a clerk, or come back later.</source>
        <translation>Bu terminalin belleği dolu olduğu için şu anda yeni başvuru alınamıyor. Lütfen bir belediye görevlisiyle konuşun ya da daha sonra tekrar gelin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>The access number has six digits.</source>
        <translation>Erişim numarası altı rakamdan oluşur.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>The document number has up to nine letters and digits.</source>
        <translation>Belge numarası en fazla dokuz harf ve rakamdan oluşur.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="257"/>
        <source>Please enter the date of birth as DD.MM.YYYY.</source>
        <translation>Lütfen doğum tarihini GG.AA.YYYY biçiminde girin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="261"/>
        <source>Please enter the expiry date as DD.MM.YYYY.</source>
        <translation>Lütfen son geçerlilik tarihini GG.AA.YYYY biçiminde girin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270"/>
        <source>Received</source>
        <translation>Alındı</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="272"/>
        <source>Being processed</source>
        <translation>İşleniyor</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="274"/>
        <source>Done</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276"/>
        <source>Declined</source>
        <translation>Reddedildi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>Asking the town hall …</source>
        <translation>Belediyeye soruluyor …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>The town hall knows no application with this tracking number. Please check the number on your receipt.</source>
        <translation>Belediyede bu takip numarasına ait bir başvuru yok. Lütfen makbuzunuzdaki numarayı kontrol edin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>Many people are asking right now. Please try again in a moment.</source>
        <translation>Şu anda çok sayıda sorgu var. Lütfen biraz sonra tekrar deneyin.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="297"/>
        <source>The town hall cannot be reached at the moment. Please try again later, or use the address on your receipt.</source>
        <translation>Belediyeye şu anda ulaşılamıyor. Lütfen daha sonra tekrar deneyin ya da makbuzunuzdaki adresi kullanın.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>This terminal cannot ask the town hall at the moment. Please use the address on your receipt.</source>
        <translation>Bu terminal şu anda belediyeye soramıyor. Lütfen makbuzunuzdaki adresi kullanın.</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="31"/>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="54"/>
        <source>Next</source>
        <translation>İleri</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="31"/>
        <source>This terminal is out of order.</source>
        <translation>Bu terminal hizmet dışı.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="32"/>
        <source>This terminal is taking a short break.</source>
        <translation>Bu terminal kısa bir ara veriyor.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="43"/>
        <source>Please contact the town hall:</source>
        <translation>Lütfen belediyeyle iletişime geçin:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="45"/>
        <source>It will be back in a moment. Nothing you entered was kept on this terminal.</source>
        <translation>Terminal birazdan yeniden hizmetinizde olacak. Girdiğiniz bilgilerden hiçbiri bu terminalde saklanmadı.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="46"/>
        <source>It will be back soon. The town hall has been informed. We are sorry for the inconvenience.</source>
        <translation>Terminal yakında yeniden hizmetinizde olacak. Belediyeye haber verildi. Verdiğimiz rahatsızlık için özür dileriz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="67"/>
        <source>Hours: %1</source>
        <translation>Çalışma saatleri: %1</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="99"/>
        <location filename="../../ui/models/read_aloud.py" line="143"/>
        <source>Read aloud is on.</source>
        <extracomment>How often the headset is looked for (the sound driver answers from its last look). The first frame is on screen (ui.app): before it nothing is read (the walk over the screen&apos;s items would delay that frame, and nobody has heard anything yet). The text field whose typing is read (connected to its textChanged). A screen was just shown: its reading waits until QML has laid it out. Messages announced in one turn of the event loop (a form&apos;s problems), read together.</extracomment>
        <translation>Sesli okuma açık.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="153"/>
        <source>Explore by touch is on: one touch reads, two quick touches choose.</source>
        <translation>Dokunarak keşfetme açık: bir dokunuş okur, iki hızlı dokunuş seçer.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="157"/>
        <source>Explore by touch is off.</source>
        <translation>Dokunarak keşfetme kapalı.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="164"/>
        <source>Faster</source>
        <translation>Daha hızlı</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="170"/>
        <source>Slower</source>
        <translation>Daha yavaş</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="176"/>
        <source>Louder</source>
        <translation>Daha sesli</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="182"/>
        <source>Quieter</source>
        <translation>Daha sessiz</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="192"/>
        <source>Arrow keys: from one control to the next. Enter: choose. Back: one step back. Help: read this again.</source>
        <translation>Ok tuşları: bir öğeden diğerine. Enter: seç. Geri: bir adım geri. Yardım: bunu tekrar oku.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="198"/>
        <source>On the screen: one touch reads, two quick touches choose.</source>
        <translation>Ekranda: bir dokunuş okur, iki hızlı dokunuş seçer.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="207"/>
        <source>Keyboard: the arrow keys choose a key, Enter types it. Back: done typing.</source>
        <translation>Klavye: ok tuşları bir tuş seçer, Enter onu yazar. Geri: yazmayı bitir.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="231"/>
        <source>your tracking number</source>
        <translation>takip numaranız</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="35"/>
        <source>button</source>
        <extracomment>What kind of control the citizen is on, in words (translated when spoken).</extracomment>
        <translation>düğme</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="36"/>
        <source>check box</source>
        <translation>onay kutusu</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="37"/>
        <source>option</source>
        <translation>seçenek</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="38"/>
        <source>input field</source>
        <translation>giriş alanı</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="39"/>
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="40"/>
        <source>link</source>
        <translation>bağlantı</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="41"/>
        <source>heading</source>
        <translation>başlık</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="128"/>
        <source>your entry</source>
        <translation>bilginiz</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="141"/>
        <source>key</source>
        <translation>tuş</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="151"/>
        <source>selected</source>
        <translation>seçili</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="153"/>
        <source>not selected</source>
        <translation>seçili değil</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="157"/>
        <source>not available</source>
        <translation>kullanılamıyor</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="175"/>
        <source>empty</source>
        <translation>boş</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="179"/>
        <source>digits entered: %1</source>
        <translation>girilen rakam sayısı: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="181"/>
        <source>characters entered: %1</source>
        <translation>girilen karakter sayısı: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="185"/>
        <source>filled in</source>
        <translation>dolduruldu</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="193"/>
        <source>deleted</source>
        <translation>silindi</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="200"/>
        <source>digit entered</source>
        <translation>rakam girildi</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="201"/>
        <location filename="../../ui/speech/screen_reader.py" line="206"/>
        <source>character entered</source>
        <translation>karakter girildi</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../kiosk/receipt.py" line="33"/>
        <source>{day} {month} {year}, {time}</source>
        <translation>{day} {month} {year}, {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="45"/>
        <source>Jan</source>
        <translation>Oca</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="46"/>
        <source>Feb</source>
        <translation>Şub</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="47"/>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="48"/>
        <source>Apr</source>
        <translation>Nis</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="49"/>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="50"/>
        <source>Jun</source>
        <translation>Haz</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="51"/>
        <source>Jul</source>
        <translation>Tem</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="52"/>
        <source>Aug</source>
        <translation>Ağu</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="53"/>
        <source>Sep</source>
        <translation>Eyl</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="54"/>
        <source>Oct</source>
        <translation>Eki</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="55"/>
        <source>Nov</source>
        <translation>Kas</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="56"/>
        <source>Dec</source>
        <translation>Ara</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="80"/>
        <source>Receipt</source>
        <translation>Alındı belgesi</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="83"/>
        <source>Submitted on:</source>
        <translation>Gönderilme tarihi:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="84"/>
        <source>Your tracking number:</source>
        <translation>Takip numaranız:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="89"/>
        <source>Not sent yet: the terminal cannot reach the town hall right now. Your application is stored encrypted and will be sent automatically.</source>
        <translation>Henüz gönderilmedi: Terminal şu anda belediyeye bağlanamıyor. Başvurunuz şifreli olarak saklandı ve otomatik olarak gönderilecek.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="95"/>
        <source>Your application has reached the town hall.</source>
        <translation>Başvurunuz belediyeye ulaştı.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="100"/>
        <source>To see the status of your application, scan the QR code with your phone.</source>
        <translation>Başvurunuzun durumunu görmek için QR kodu telefonunuzla tarayın.</translation>
    </message>
</context>
<context>
    <name>Receipt mail</name>
    <message>
        <location filename="../../hub/mailer.py" line="72"/>
        <source>{year}-{month}-{day} {time}</source>
        <extracomment>Pauses between tries: 30 s, 1 min, 2 min … up to an hour; given up after this many tries. The citizen&apos;s status page; ``{tracking}`` becomes the tracking number.</extracomment>
        <translation>{day}.{month}.{year} {time}</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="105"/>
        <source>Your application</source>
        <translation>Başvurunuz</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="110"/>
        <source>Receipt: {service} – {tracking}</source>
        <translation>Alındı belgesi: {service} – {tracking}</translation>
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
        <translation>Merhaba,

“{service}” başvurunuz {municipality} tarafından alındı.

Takip numaranız: {tracking}
Gönderilme tarihi: {when}

{next_steps}

Başvurunuzun durumunu burada görebilirsiniz: {link}

Bu e-posta vatandaş terminalinde istendi ve otomatik olarak oluşturuldu. Lütfen yanıtlamayın.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../ui/models/review.py" line="80"/>
        <source>Yes</source>
        <translation>Evet</translation>
    </message>
    <message>
        <location filename="../../ui/models/review.py" line="82"/>
        <source>No</source>
        <translation>Hayır</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="26"/>
        <source>Please check your details</source>
        <translation>Lütfen bilgilerinizi kontrol edin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="54"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="98"/>
        <source>Change</source>
        <translation>Değiştir</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="56"/>
        <source>Change: %1</source>
        <translation>Değiştir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="78"/>
        <source>from ID card</source>
        <translation>kimlik kartından</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="93"/>
        <source>Photos: %1</source>
        <translation>Fotoğraflar: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="99"/>
        <source>Change the photos</source>
        <translation>Fotoğrafları değiştir</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="129"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="136"/>
        <source>Receipt by e-mail (optional)</source>
        <translation>Makbuz e-postayla (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="131"/>
        <source>The printer is not working. If you like, the town hall sends your receipt to this address. It is used for nothing else.</source>
        <translation>Yazıcı çalışmıyor. İsterseniz belediye makbuzunuzu bu adrese gönderir. Adres başka hiçbir amaçla kullanılmaz.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="140"/>
        <source>name@example.org</source>
        <translation>ad@ornek.de</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="149"/>
        <source>This is not an e-mail address. Please check it, or leave the field empty.</source>
        <translation>Bu bir e-posta adresi değil. Lütfen kontrol edin ya da alanı boş bırakın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="155"/>
        <source>Privacy</source>
        <translation>Gizlilik</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="211"/>
        <source>I have read the privacy notice and want to send my application.</source>
        <translation>Gizlilik bildirimini okudum ve başvurumu göndermek istiyorum.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="219"/>
        <source>To send, please tick the box above.</source>
        <translation>Göndermek için lütfen yukarıdaki kutuyu işaretleyin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="220"/>
        <source>Send</source>
        <translation>Gönder</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="31"/>
        <source>What you need</source>
        <translation>Gerekenler</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="34"/>
        <source>About %n minute(s)</source>
        <translation>
            <numerusform>Yaklaşık %n dakika</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="40"/>
        <source>Your ID card or passport</source>
        <translation>Kimlik kartınız veya pasaportunuz</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="41"/>
        <source>Your ID card, if you like (fills in your details)</source>
        <translation>İsterseniz kimlik kartınız (bilgilerinizi doldurur)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="46"/>
        <source>Up to %n photo(s), taken here with the camera</source>
        <translation>
            <numerusform>En fazla %n fotoğraf (burada kamerayla çekilir)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="107"/>
        <source>Demo: the simulated receipt printer</source>
        <translation>Demo: Simüle makbuz yazıcısı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="114"/>
        <source>Take the paper out</source>
        <translation>Kâğıdı çıkar</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="115"/>
        <source>Put a new roll in</source>
        <translation>Yeni rulo tak</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="123"/>
        <source>Start</source>
        <translation>Başla</translation>
    </message>
</context>
<context>
    <name>SessionDialogs</name>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="12"/>
        <source>Do you want to cancel?</source>
        <translation>İptal etmek istiyor musunuz?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="14"/>
        <source>Everything you entered will be deleted.</source>
        <translation>Girdiğiniz her şey silinecek.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="20"/>
        <source>Your call with the town hall ends too.</source>
        <translation>Belediyeyle görüşmeniz de sona erecek.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="29"/>
        <source>No, continue</source>
        <translation>Hayır, devam et</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="36"/>
        <source>Yes, cancel</source>
        <translation>Evet, iptal et</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="47"/>
        <source>Are you still there?</source>
        <translation>Hâlâ orada mısınız?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="50"/>
        <source>For your privacy, this session will end in %n second(s) and your entries will be deleted.</source>
        <translation>
            <numerusform>Gizliliğiniz için bu oturum %n saniye içinde sona erecek ve girdiğiniz bilgiler silinecek.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="62"/>
        <source>Yes, I need more time</source>
        <translation>Evet, biraz daha zaman istiyorum</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="71"/>
        <source>I always need more time</source>
        <translation>Genel olarak daha fazla zamana ihtiyacım var</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="80"/>
        <source>Talk to a clerk</source>
        <translation>Belediyeyle konuşun</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="84"/>
        <source>Video calls from this terminal are coming soon. Until then, the citizens&apos; office answers on the telephone:</source>
        <translation>Bu terminalden görüntülü görüşme yakında mümkün olacak. O zamana kadar vatandaş bürosuna telefonla ulaşabilirsiniz:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="85"/>
        <source>Video calls from this terminal are coming soon. Until then, please ask at the citizens&apos; office.</source>
        <translation>Bu terminalden görüntülü görüşme yakında mümkün olacak. O zamana kadar lütfen vatandaş bürosuna başvurun.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="101"/>
        <source>Hours: %1</source>
        <translation>Çalışma saatleri: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="106"/>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
</context>
<context>
    <name>Status page</name>
    <message>
        <location filename="../../hub/status.py" line="141"/>
        <source>Too many lookups; please wait a little.</source>
        <extracomment>The statuses as the clerks read them (the citizen&apos;s page has them in the citizen&apos;s language).</extracomment>
        <translation>Çok fazla sorgu yapıldı; lütfen biraz bekleyin.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="192"/>
        <source>Received</source>
        <translation>Alındı</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="193"/>
        <source>In progress</source>
        <translation>İşleniyor</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="194"/>
        <source>Done</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="195"/>
        <source>Rejected</source>
        <translation>Reddedildi</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="203"/>
        <source>Status of your application – {municipality}</source>
        <translation>Başvurunuzun durumu – {municipality}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="206"/>
        <source>Tracking number {code}</source>
        <translation>Takip numarası {code}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="207"/>
        <source>Other languages</source>
        <translation>Diğer diller</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="208"/>
        <source>There is no application with this tracking number. Please check the number on your receipt.</source>
        <translation>Bu takip numarasına ait bir başvuru yok. Lütfen alındı belgenizdeki numarayı kontrol edin.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="213"/>
        <source>An application the terminal could not send yet appears here as soon as it has reached the town hall.</source>
        <translation>Terminalin henüz gönderemediği bir başvuru, belediyeye ulaştığı anda burada görünür.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="220"/>
        <source>Received on {received}, last changed on {changed}.</source>
        <translation>Alınma: {received}, son değişiklik: {changed}.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="27"/>
        <source>Status of your application</source>
        <translation>Başvurunuzun durumu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="30"/>
        <source>Tracking number:</source>
        <translation>Takip numarası:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="51"/>
        <source>Asking the town hall …</source>
        <translation>Belediyeye soruluyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="80"/>
        <source>Submitted: %1</source>
        <translation>Gönderildi: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="85"/>
        <source>Last change: %1</source>
        <translation>Son değişiklik: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="94"/>
        <source>Message from the town hall: %1</source>
        <translation>Belediyeden mesaj: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="111"/>
        <source>Ask again</source>
        <translation>Tekrar sor</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Correct the number</source>
        <translation>Numarayı düzelt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="123"/>
        <source>Finish</source>
        <translation>Bitir</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/qml/screens/SubmittingScreen.qml" line="18"/>
        <source>Your application is being saved …</source>
        <translation>Başvurunuz kaydediliyor …</translation>
    </message>
</context>
<context>
    <name>TechnicianPanel</name>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="17"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="18"/>
        <source>Certificate valid until</source>
        <translation>Sertifika geçerlilik sonu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="19"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="20"/>
        <source>Configuration from the hub</source>
        <translation>Hub&apos;dan gelen yapılandırma</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="21"/>
        <source>Applications waiting</source>
        <translation>Bekleyen başvurular</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="22"/>
        <source>Undeliverable</source>
        <translation>Teslim edilemeyenler</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="23"/>
        <source>Software version</source>
        <translation>Yazılım sürümü</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="24"/>
        <source>Card reader</source>
        <translation>Kart okuyucu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="25"/>
        <source>Printer</source>
        <translation>Yazıcı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="26"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="27"/>
        <source>Clock</source>
        <translation>Saat</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="28"/>
        <source>TURN server</source>
        <translation>TURN sunucusu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="29"/>
        <source>Disk space</source>
        <translation>Disk alanı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="37"/>
        <source>Wrong PIN. %1 more tries before the service mode is locked.</source>
        <translation>Yanlış PIN. Servis modu kilitlenmeden önce %1 deneme hakkınız kaldı.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="38"/>
        <source>Too many wrong PINs: locked for %1 minutes.</source>
        <translation>Çok fazla yanlış PIN: %1 dakika boyunca kilitlendi.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="39"/>
        <source>No technician PIN is set. Set it over SSH: python -m provisioning pin</source>
        <translation>Teknisyen PIN&apos;i ayarlanmamış. SSH ile ayarlayın: python -m provisioning pin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="40"/>
        <source>This terminal knows no hub for a typed code: scan the QR code instead.</source>
        <translation>Bu terminal, yazılan kod için bir hub bilmiyor: Bunun yerine QR kodu tarayın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="41"/>
        <source>That is not an enrolment code. Check it and type it again.</source>
        <translation>Bu bir kayıt kodu değil. Kontrol edip tekrar yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="42"/>
        <source>Not enrolled: %1</source>
        <translation>Kayıt yapılmadı: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="43"/>
        <source>Enrolled as %1. The terminal restarts now.</source>
        <translation>%1 olarak kaydedildi. Terminal şimdi yeniden başlıyor.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="44"/>
        <source>The camera is not available: type the code instead.</source>
        <translation>Kamera kullanılamıyor: Bunun yerine kodu yazın.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="57"/>
        <source>Service mode</source>
        <translation>Servis modu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="62"/>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="84"/>
        <source>Technician PIN</source>
        <translation>Teknisyen PIN&apos;i</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>Erase</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="133"/>
        <source>This terminal</source>
        <translation>Bu terminal</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="161"/>
        <source>Run the self-test</source>
        <translation>Öz testi çalıştır</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="167"/>
        <source>Self-test at %1 (a test page was printed):</source>
        <translation>Öz test: %1 (bir test sayfası yazdırıldı):</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="192"/>
        <source>Enrol with the hub</source>
        <translation>Hub&apos;a kaydol</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="199"/>
        <source>Type the enrolment code from the hub&apos;s fleet page, or hold its QR code to the camera.</source>
        <translation>Hub&apos;ın filo sayfasındaki kayıt kodunu yazın ya da oradaki QR kodu kameraya tutun.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="200"/>
        <source>Hold the QR code from the hub&apos;s fleet page to the camera.</source>
        <translation>Hub&apos;ın filo sayfasındaki QR kodu kameraya tutun.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="218"/>
        <source>Enrol</source>
        <translation>Kaydol</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Looking for the QR code …</source>
        <translation>QR kod aranıyor …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Scan the QR code</source>
        <translation>QR kodu tara</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="133"/>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="182"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>Read aloud</source>
        <translation>Sesli okuma</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>on</source>
        <translation>açık</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>off</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="215"/>
        <source>Slower</source>
        <translation>Daha yavaş</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="222"/>
        <source>Faster</source>
        <translation>Daha hızlı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="229"/>
        <source>Quieter</source>
        <translation>Daha sessiz</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="236"/>
        <source>Louder</source>
        <translation>Daha sesli</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <source>Explore by touch</source>
        <translation>Dokunarak keşfet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <source>More time</source>
        <translation>Daha fazla zaman</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="259"/>
        <source>Read this screen</source>
        <translation>Bu ekranı oku</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="268"/>
        <source>Stop reading aloud</source>
        <translation>Sesli okumayı kapat</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="282"/>
        <source>Larger text</source>
        <translation>Büyük yazı</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="289"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="292"/>
        <source>High contrast</source>
        <translation>Yüksek kontrast</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Clerk</source>
        <translation>Belediye</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Talk to a clerk</source>
        <translation>Belediyeyle konuşun</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Finish</source>
        <translation>Bitir</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/TopBar.qml" line="326"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Çevrimdışı — %n başvuru bekliyor, otomatik olarak gönderilecek</numerusform>
        </translation>
    </message>
</context>
</TS>
