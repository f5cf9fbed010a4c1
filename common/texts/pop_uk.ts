<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>AttachmentsScreen</name>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="83"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="92"/>
        <source>The picture is too dark.</source>
        <translation>Зображення надто темне.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="84"/>
        <source>The picture is blurred: please hold still.</source>
        <translation>Зображення розмите: будь ласка, не рухайтеся.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="86"/>
        <source>The page is not wholly in the picture: move it towards the middle.</source>
        <translation>Сторінка не повністю в кадрі: посуньте її ближче до середини.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="88"/>
        <source>Place the page under the camera, on a dark surface if you can.</source>
        <translation>Покладіть сторінку під камеру, якщо можливо — на темну поверхню.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="90"/>
        <source>The picture is blurred: please hold the page still.</source>
        <translation>Зображення розмите: будь ласка, тримайте сторінку нерухомо.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="94"/>
        <source>Light is reflected on the page: tilt it a little.</source>
        <translation>На сторінці відблиск світла: трохи нахиліть її.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="95"/>
        <source>Page found: you can take the photo.</source>
        <translation>Сторінку розпізнано: можете зробити фото.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Taking photo …</source>
        <translation>Робимо фото …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Take photo</source>
        <translation>Зробити фото</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="110"/>
        <source>%1 of at most %2 photos</source>
        <translation>%1 фото з %2 можливих</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="119"/>
        <source>Demo:</source>
        <translation>Демо:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="122"/>
        <source>Hold up a page</source>
        <translation>Показати сторінку</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="128"/>
        <source>Show the street</source>
        <translation>Показати вулицю</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="136"/>
        <source>The camera is not working right now. You can send without a photo if the service allows it, or talk to a clerk.</source>
        <translation>Камера зараз не працює. Ви можете надіслати заяву без фото, якщо послуга це дозволяє, або звернутися до працівника ратуші.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="142"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="208"/>
        <source>At least %n photo(s) needed.</source>
        <translation>
            <numerusform>Потрібне щонайменше %n фото.</numerusform>
            <numerusform>Потрібні щонайменше %n фото.</numerusform>
            <numerusform>Потрібно щонайменше %n фото.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="166"/>
        <source>Photo %1</source>
        <translation>Фото %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="183"/>
        <source>Page cut off: take it again?</source>
        <translation>Сторінку обрізано: зняти ще раз?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="184"/>
        <source>Blurred: take it again?</source>
        <translation>Розмито: зняти ще раз?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="185"/>
        <source>Too dark: take it again?</source>
        <translation>Надто темно: зняти ще раз?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="186"/>
        <source>Reflection: take it again?</source>
        <translation>Відблиск: зняти ще раз?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="191"/>
        <source>Remove</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="240"/>
        <source>Remove and take again</source>
        <translation>Видалити і зняти знову</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="248"/>
        <source>Back to the photos</source>
        <translation>Назад до фото</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="33"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Немає зв’язку — %n заява чекає, її буде надіслано автоматично</numerusform>
            <numerusform>Немає зв’язку — %n заяви чекають, їх буде надіслано автоматично</numerusform>
            <numerusform>Немає зв’язку — %n заяв чекають, їх буде надіслано автоматично</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="70"/>
        <source>Report problems, apply, make appointments – and talk to a clerk by video.</source>
        <translation>Повідомляйте про проблеми, подавайте заяви, записуйтеся на прийом – і говоріть із ратушею по відеозв’язку.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="79"/>
        <source>Touch here to start</source>
        <translation>Торкніться тут, щоб почати</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="92"/>
        <source>Talk to the town hall</source>
        <translation>Поговорити з ратушею</translation>
    </message>
</context>
<context>
    <name>CallDock</name>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="65"/>
        <source>Reconnecting …</source>
        <translation>Відновлюємо з’єднання …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>● Camera on</source>
        <translation>● Камера увімкнена</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>Camera off</source>
        <translation>Камера вимкнена</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="77"/>
        <source>Microphone off</source>
        <translation>Без мікрофона</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="93"/>
        <source>The town hall asks for a photo of your ID.</source>
        <translation>Ратуша просить фото Вашого документа.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="95"/>
        <source>The town hall suggests something for your form.</source>
        <translation>Ратуша пропонує зміну у Вашій формі.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallDock.qml" line="97"/>
        <source>%n new message(s) from the town hall.</source>
        <translation>
            <numerusform>%n нове повідомлення від ратуші.</numerusform>
            <numerusform>%n нові повідомлення від ратуші.</numerusform>
            <numerusform>%n нових повідомлень від ратуші.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="100"/>
        <source>The printer could not print “%1”.</source>
        <translation>Принтер не зміг надрукувати «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="101"/>
        <source>Printing “%1” …</source>
        <translation>Друкуємо «%1» …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="102"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Будь ласка, заберіть «%1» із принтера.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="109"/>
        <source>Show the call</source>
        <translation>Показати розмову</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Увімкнути мікрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Вимкнути мікрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="126"/>
        <source>Hang up</source>
        <translation>Завершити дзвінок</translation>
    </message>
</context>
<context>
    <name>CallOverlay</name>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="59"/>
        <source>Call back</source>
        <translation>Зворотний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="60"/>
        <source>Talk to a clerk</source>
        <translation>Поговорити з ратушею</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="61"/>
        <source>The call has ended</source>
        <translation>Розмову завершено</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="62"/>
        <source>Talk to the town hall</source>
        <translation>Поговорити з ратушею</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="70"/>
        <source>A clerk of the town hall will see and hear you, and see the form you are filling in (and the photo from your ID card, if it was read). Your camera and microphone are switched on for the call. Nothing is recorded.</source>
        <translation>Працівник ратуші бачитиме й чутиме Вас, а також бачитиме форму, яку Ви заповнюєте (і фото з Вашого посвідчення особи, якщо його було зчитано). Для розмови Вашу камеру й мікрофон буде увімкнено. Нічого не записується.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="72"/>
        <source>Connecting to the town hall …</source>
        <translation>З’єднуємо з ратушею …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="75"/>
        <source>Nobody at the town hall can take your call right now. You can ask to be called back, or wait.</source>
        <translation>Зараз у ратуші ніхто не може відповісти на Ваш дзвінок. Ви можете попросити передзвонити Вам або зачекати.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="77"/>
        <source>You are next.</source>
        <translation>Ви наступні.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="78"/>
        <source>You are number %1 in the queue.</source>
        <translation>Ваш номер у черзі: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="80"/>
        <source>The town hall will call you back. Please give your phone number and what it is about.</source>
        <translation>Ратуша Вам передзвонить. Будь ласка, вкажіть свій номер телефону і питання, з яким звертаєтеся.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="82"/>
        <source>Thank you. The town hall will call you back. Your tracking number:</source>
        <translation>Дякуємо. Ратуша Вам передзвонить. Ваш номер звернення:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="84"/>
        <source>%1 is taking your call …</source>
        <translation>%1 відповідає на Ваш дзвінок …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="86"/>
        <source>The connection was interrupted. Reconnecting you to %1 …</source>
        <translation>З’єднання перервалося. Знову з’єднуємо Вас: %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="89"/>
        <source>Nobody at the town hall could take your call in time. Your entries are kept.</source>
        <translation>У ратуші ніхто не зміг вчасно відповісти на Ваш дзвінок. Усе, що Ви ввели, збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="91"/>
        <source>The connection was lost. Your entries are kept.</source>
        <translation>З’єднання втрачено. Усе, що Ви ввели, збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="92"/>
        <source>Your entries are kept. You can carry on where you were.</source>
        <translation>Усе, що Ви ввели, збережено. Ви можете продовжити з того місця, де зупинилися.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="95"/>
        <source>The town hall has too many calls right now.</source>
        <translation>Зараз у ратуші забагато дзвінків.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="97"/>
        <source>Video calls are not possible from this terminal.</source>
        <translation>З цього термінала відеодзвінки неможливі.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="98"/>
        <source>The town hall cannot be reached right now.</source>
        <translation>Зараз немає зв’язку з ратушею.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallOverlay.qml" line="118"/>
        <source>Estimated wait: about %n minute(s).</source>
        <translation>
            <numerusform>Час очікування: приблизно %n хвилина.</numerusform>
            <numerusform>Час очікування: приблизно %n хвилини.</numerusform>
            <numerusform>Час очікування: приблизно %n хвилин.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="119"/>
        <source>A clerk will be with you shortly.</source>
        <translation>Незабаром Вам відповість працівник ратуші.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="134"/>
        <source>Hours: %1</source>
        <translation>Час роботи: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="190"/>
        <source>Your request could not be stored. Please try again.</source>
        <translation>Ваш запит не вдалося зберегти. Будь ласка, спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="202"/>
        <source>Ask for a call back</source>
        <translation>Попросити передзвонити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="210"/>
        <source>Send the request</source>
        <translation>Надіслати запит</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="218"/>
        <source>Start the call</source>
        <translation>Почати розмову</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="227"/>
        <source>Cancel the call</source>
        <translation>Скасувати дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back to where I was</source>
        <translation>Повернутися назад</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="341"/>
        <source>The camera gave no picture. Please try again.</source>
        <translation>Камера не передала зображення. Будь ласка, спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="342"/>
        <source>The town hall asks for a photo of your ID card or passport. Hold the side with your photo to the camera, then send it. It goes only to the clerk and is not stored.</source>
        <translation>Ратуша просить фото Вашого посвідчення особи або паспорта. Тримайте бік документа з Вашим фото перед камерою, а потім надішліть знімок. Його отримає лише працівник ратуші, і він не зберігається.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="349"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Демо: показати зразок паспорта</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Sending …</source>
        <translation>Надсилаємо …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Send the photo</source>
        <translation>Надіслати фото</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="366"/>
        <source>Do not send</source>
        <translation>Не надсилати</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="378"/>
        <source>✓ The photo of your ID has been sent to the town hall.</source>
        <translation>✓ Фото Вашого документа надіслано до ратуші.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="386"/>
        <source>The sound is not working at this terminal. Please write to the town hall below; they can still see you.</source>
        <translation>На цьому терміналі не працює звук. Будь ласка, напишіть ратуші нижче — Вас і далі бачать.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="394"/>
        <source>✓ The town hall has confirmed who you are. It goes with your application.</source>
        <translation>✓ Ратуша підтвердила Вашу особу. Це підтвердження буде додано до Вашої заяви.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="426"/>
        <source>The town hall suggests for “%1”: %2</source>
        <translation>Ратуша пропонує для «%1»: %2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="427"/>
        <source>The town hall suggests for “%1”: %2 (now: %3)</source>
        <translation>Ратуша пропонує для «%1»: %2 (зараз: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="433"/>
        <source>Take it</source>
        <translation>Прийняти</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="438"/>
        <source>Keep mine</source>
        <translation>Залишити моє</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="460"/>
        <source>The printer could not print “%1”. The clerk has been told.</source>
        <translation>Принтер не зміг надрукувати «%1». Працівника ратуші повідомлено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="462"/>
        <source>The town hall is printing “%1” for you …</source>
        <translation>Ратуша друкує для Вас «%1» …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="463"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Будь ласка, заберіть «%1» із принтера.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>● Camera on</source>
        <translation>● Камера увімкнена</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>Camera off</source>
        <translation>Без камери</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Увімкнути мікрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Вимкнути мікрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera off</source>
        <comment>button: turns it off</comment>
        <translation>Вимкнути камеру</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera on</source>
        <comment>button: turns it on</comment>
        <translation>Увімкнути камеру</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="492"/>
        <source>Make the call small</source>
        <translation>Зменшити вікно розмови</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="497"/>
        <source>Hang up</source>
        <translation>Завершити дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="510"/>
        <source>Messages</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>You: </source>
        <translation>Ви: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>Town hall: </source>
        <translation>Ратуша: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="538"/>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="540"/>
        <source>Write a message</source>
        <translation>Напишіть повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="550"/>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="34"/>
        <source>Thank you! Your application has arrived at the town hall.</source>
        <translation>Дякуємо! Ваша заява надійшла до ратуші.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="35"/>
        <source>Thank you! Your application is stored safely.</source>
        <translation>Дякуємо! Вашу заяву надійно збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="38"/>
        <source>Your tracking number:</source>
        <translation>Ваш номер звернення:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="70"/>
        <source>The town hall also sends your receipt to your e-mail address.</source>
        <translation>Ратуша також надішле квитанцію на Вашу електронну пошту.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="76"/>
        <source>This page closes in %n second(s). Touch the screen if you need more time.</source>
        <translation>
            <numerusform>Ця сторінка закриється через %n секунду. Торкніться екрана, якщо Вам потрібно більше часу.</numerusform>
            <numerusform>Ця сторінка закриється через %n секунди. Торкніться екрана, якщо Вам потрібно більше часу.</numerusform>
            <numerusform>Ця сторінка закриється через %n секунд. Торкніться екрана, якщо Вам потрібно більше часу.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="87"/>
        <source>Try printing again</source>
        <translation>Надрукувати ще раз</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="94"/>
        <source>Read the receipt aloud</source>
        <translation>Прочитати квитанцію вголос</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="99"/>
        <source>Finish</source>
        <translation>Завершити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="123"/>
        <source>Your receipt</source>
        <translation>Ваша квитанція</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="149"/>
        <source>Take a photo of this with your phone. The QR code shows the status of your application.</source>
        <translation>Сфотографуйте це своїм телефоном. QR-код показує стан Вашої заяви.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="75"/>
        <source>Added by the town hall</source>
        <translation>Додано ратушею</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="95"/>
        <source>From your ID card</source>
        <translation>З Вашого посвідчення особи</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="144"/>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.РРРР</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="176"/>
        <source>Plus sign</source>
        <translation>Знак плюс</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="201"/>
        <source>Scan the QR code on the receipt</source>
        <translation>Сканувати QR-код на квитанції</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="211"/>
        <source>This QR code is not from a receipt of this town hall. Please hold the QR code on your receipt in front of the camera, or type the number.</source>
        <translation>Цей QR-код не з квитанції цієї ратуші. Будь ласка, піднесіть до камери QR-код зі своєї квитанції або введіть номер.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="213"/>
        <source>No receipt was recognised. You can try again or type the number.</source>
        <translation>Квитанцію не розпізнано. Можете спробувати ще раз або ввести номер.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="215"/>
        <source>The camera is not available right now. Please type the number.</source>
        <translation>Камера зараз недоступна. Будь ласка, введіть номер.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="238"/>
        <source>Hold the QR code on your receipt in front of the camera.</source>
        <translation>Піднесіть QR-код на квитанції до камери.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="243"/>
        <source>Type the number instead</source>
        <translation>Краще ввести номер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="251"/>
        <source>Demo:</source>
        <translation>Демо:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="254"/>
        <source>Hold up the receipt</source>
        <translation>Показати квитанцію</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="260"/>
        <source>Hold up another QR code</source>
        <translation>Показати інший QR-код</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="325"/>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="336"/>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="369"/>
        <source>Street</source>
        <translation>Вулиця</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="370"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="371"/>
        <source>Postcode</source>
        <translation>Індекс</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="372"/>
        <source>Town</source>
        <translation>Населений пункт</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="74"/>
        <source>%1 · step %2 of %3</source>
        <translation>%1 · крок %2 з %3</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="85"/>
        <source>Please look at the fields marked in red.</source>
        <translation>Будь ласка, перевірте поля, позначені червоним.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="62"/>
        <source>What can we do for you?</source>
        <translation>Чим ми можемо Вам допомогти?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="70"/>
        <source>The town hall describes its services in %1 only. You can still use them; the buttons and help are in your language.</source>
        <translation>Ратуша описує свої послуги лише цією мовою: %1. Ви все одно можете ними скористатися; кнопки та довідка — Вашою мовою.</translation>
    </message>
</context>
<context>
    <name>IdentifyModel</name>
    <message>
        <location filename="../../ui/models/identify.py" line="75"/>
        <source>The card reader is not working right now. Please talk to a clerk, or choose another service.</source>
        <translation>Зчитувач карток зараз не працює. Будь ласка, зверніться до працівника ратуші або виберіть іншу послугу.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="61"/>
        <source>Please place your ID card or passport on the reader</source>
        <translation>Будь ласка, покладіть посвідчення особи або паспорт на зчитувач</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="78"/>
        <source>Reading your passport or ID card … please leave it on the reader.</source>
        <translation>Зчитуємо Ваш паспорт або посвідчення особи … будь ласка, не знімайте документ зі зчитувача.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="79"/>
        <source>Reading your card … please leave it on the reader.</source>
        <translation>Зчитуємо Вашу картку … будь ласка, не знімайте її зі зчитувача.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="81"/>
        <source>Your passport or ID card is on the reader. To open its chip, please enter three values printed on it.</source>
        <translation>Ваш паспорт або посвідчення особи лежить на зчитувачі. Щоб відкрити чип документа, будь ласка, введіть три значення, надруковані на ньому.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="82"/>
        <source>Your card is on the reader. To open its chip, please enter the number printed on it.</source>
        <translation>Ваша картка лежить на зчитувачі. Щоб відкрити її чип, будь ласка, введіть номер, надрукований на ній.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="84"/>
        <source>Your passport or ID card has been read. Is this you?</source>
        <translation>Ваш паспорт або посвідчення особи зчитано. Це Ви?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="85"/>
        <source>Your card has been read. Is this you?</source>
        <translation>Вашу картку зчитано. Це Ви?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="86"/>
        <source>That did not work.</source>
        <translation>Не вдалося.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="87"/>
        <source>The card reader is not available.</source>
        <translation>Зчитувач карток недоступний.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="88"/>
        <source>The card reader is below the screen, marked with the card symbol. Lay the card flat on it.</source>
        <translation>Зчитувач карток розташований під екраном і позначений символом картки. Покладіть картку на нього рівно.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="106"/>
        <source>Your data is read from the chip only to fill in this form. It is deleted from the terminal when you are done.</source>
        <translation>Ваші дані зчитуються з чипа лише для заповнення цієї форми. Коли Ви закінчите, їх буде видалено з термінала.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="171"/>
        <source>Access number (CAN): the six digits at the bottom right of the front of your ID card.</source>
        <translation>Номер доступу (CAN): шість цифр унизу праворуч на лицьовому боці Вашого посвідчення особи.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="172"/>
        <source>On the photo page of your passport (on an ID card: its back), also in the lines of letters at the bottom: the document number, your date of birth and the date of expiry.</source>
        <translation>На сторінці паспорта з фото (на посвідченні особи — на звороті), а також у рядках літер унизу: номер документа, Ваша дата народження і дата закінчення строку дії.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="202"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="219"/>
        <source>Access number (6 digits)</source>
        <translation>Номер доступу (6 цифр)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="206"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="231"/>
        <source>Passport or card number</source>
        <translation>Номер паспорта або картки</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="207"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="244"/>
        <source>Date of birth (DD.MM.YYYY)</source>
        <translation>Дата народження (ДД.ММ.РРРР)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="208"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="246"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="259"/>
        <source>Valid until (DD.MM.YYYY)</source>
        <translation>Дійсний до (ДД.ММ.РРРР)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="263"/>
        <source>Open the chip</source>
        <translation>Відкрити чип</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="272"/>
        <source>No number on my card</source>
        <translation>На моїй картці немає номера</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="280"/>
        <source>Read the photo page with the camera</source>
        <translation>Зчитати сторінку з фото камерою</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="290"/>
        <source>The lines of letters could not be read. Try again, or type the three values.</source>
        <translation>Рядки літер не вдалося зчитати. Спробуйте ще раз або введіть три значення.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="292"/>
        <source>The camera is not available right now. Please type the three values.</source>
        <translation>Камера зараз недоступна. Будь ласка, введіть три значення.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="312"/>
        <source>Hold the photo page of your passport under the camera, with the lines of letters at the bottom fully in view.</source>
        <translation>Тримайте сторінку паспорта з фото під камерою так, щоб рядки літер унизу було видно повністю.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="317"/>
        <source>Type the values instead</source>
        <translation>Краще ввести вручну</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="323"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Демо: показати зразок паспорта</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="350"/>
        <source>Born on %1</source>
        <translation>Дата народження: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="353"/>
        <source>Yes, that is me</source>
        <translation>Так, це я</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="354"/>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="371"/>
        <source>Demo: place a sample card on the simulated reader</source>
        <translation>Демо: покласти зразок картки на імітований зчитувач</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="381"/>
        <source>Sample ID card (Erika Mustermann)</source>
        <translation>Зразок посвідчення особи (Erika Mustermann)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="382"/>
        <source>Sample passport (Anna Maria Eriksson)</source>
        <translation>Зразок паспорта (Anna Maria Eriksson)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="383"/>
        <source>Damaged card</source>
        <translation>Пошкоджена картка</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="399"/>
        <source>Continue without ID card</source>
        <translation>Продовжити без посвідчення</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="20"/>
        <source>the street</source>
        <translation>вулицю</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="21"/>
        <source>the house number</source>
        <translation>номер будинку</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="22"/>
        <source>the postcode</source>
        <translation>поштовий індекс</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>the town</source>
        <translation>населений пункт</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Please choose one of the options.</source>
        <translation>Будь ласка, виберіть один із варіантів.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Please fill in this field.</source>
        <translation>Будь ласка, заповніть це поле.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>Please write at least %1 characters.</source>
        <translation>Будь ласка, напишіть довший текст (щонайменше символів: %1).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Please write at most %1 characters.</source>
        <translation>Будь ласка, напишіть коротший текст (щонайбільше символів: %1).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <location filename="../../ui/messages.py" line="90"/>
        <source>This does not look right. Please check it.</source>
        <translation>Схоже, тут помилка. Будь ласка, перевірте.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Please enter a number, for example 2 or 2,5.</source>
        <translation>Будь ласка, введіть число, наприклад 2 або 2,5.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>Please enter at least %1.</source>
        <translation>Будь ласка, введіть значення не менше ніж %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>Please enter at most %1.</source>
        <translation>Будь ласка, введіть значення не більше ніж %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Please enter a date like 24.12.2026 (day.month.year).</source>
        <translation>Будь ласка, введіть дату у форматі 24.12.2026 (день.місяць.рік).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>The date cannot be before %1.</source>
        <translation>Дата не може бути раніше за %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>The date cannot be after %1.</source>
        <translation>Дата не може бути пізніше за %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>This is not an email address. It looks like name@example.de.</source>
        <translation>Це не адреса електронної пошти. Вона має такий вигляд: name@example.de.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>Please enter a phone number with digits only, for example 0221 123456.</source>
        <translation>Будь ласка, введіть номер телефону лише цифрами, наприклад 0221 123456.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>A postcode has five digits, for example 51147.</source>
        <translation>Поштовий індекс складається з п’яти цифр, наприклад 51147.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>The tracking number looks like 7K3M-Q9XD-2AF8. Please check it.</source>
        <translation>Номер звернення має такий вигляд: 7K3M-Q9XD-2AF8. Будь ласка, перевірте його.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>Please fill in %1.</source>
        <translation>Будь ласка, вкажіть %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96"/>
        <source>Your ID card or passport could not be read. Please take it off, then place it flat on the reader again.</source>
        <translation>Ваше посвідчення особи або паспорт не вдалося зчитати. Будь ласка, зніміть документ, а потім знову покладіть його рівно на зчитувач.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>This card is not an ID card or passport. Please use your ID card or passport.</source>
        <translation>Ця картка не є посвідченням особи чи паспортом. Будь ласка, використайте своє посвідчення особи або паспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>Your ID card or passport was taken off too early. Please place it again and leave it until you hear the tone.</source>
        <translation>Посвідчення особи або паспорт знято надто рано. Будь ласка, покладіть документ знову і не знімайте, доки не почуєте сигнал.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>The document could not be opened. Please check the entered data.</source>
        <translation>Документ не вдалося відкрити. Будь ласка, перевірте введені дані.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>This document is opened with three values printed on it. Please enter them below.</source>
        <translation>Цей документ відкривається за допомогою трьох надрукованих на ньому значень. Будь ласка, введіть їх нижче.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>This card gives its data only to the online ID function, which this terminal does not offer yet. Please use your passport, or talk to a clerk.</source>
        <translation>Ця картка передає свої дані лише через функцію онлайн-ідентифікації, якої цей термінал ще не має. Будь ласка, використайте паспорт або зверніться до працівника ратуші.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>This document has expired. Please use a valid ID card or passport.</source>
        <translation>Строк дії цього документа закінчився. Будь ласка, використайте дійсне посвідчення особи або паспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>The chip of this document could not prove that it is genuine, so this terminal cannot use it. Please talk to a clerk.</source>
        <translation>Чип цього документа не зміг підтвердити свою справжність, тому термінал не може його використати. Будь ласка, зверніться до працівника ратуші.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>The data on this document&apos;s chip could not be checked, so this terminal cannot use it. Please place it again, or use another ID card or passport.</source>
        <translation>Дані на чипі цього документа не вдалося перевірити, тому термінал не може його використати. Будь ласка, покладіть документ ще раз або використайте інше посвідчення особи чи паспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>Your application could not be saved on this terminal. Nothing is lost: your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>Вашу заяву не вдалося зберегти на цьому терміналі. Нічого не втрачено: усе, що Ви ввели, досі тут. Будь ласка, спробуйте ще раз або зверніться до працівника ратуші.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>Something went wrong while saving. Your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>Під час збереження сталася помилка. Усе, що Ви ввели, досі тут. Будь ласка, спробуйте ще раз або зверніться до працівника ратуші.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>Your receipt is being printed …</source>
        <translation>Друкуємо Вашу квитанцію …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>Please take your receipt.</source>
        <translation>Будь ласка, заберіть свою квитанцію.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Your receipt has been printed, but the printer could not confirm it. Please take your receipt. If none came out, take a photo of the receipt on the screen.</source>
        <translation>Вашу квитанцію надруковано, але принтер не зміг це підтвердити. Будь ласка, заберіть квитанцію. Якщо її немає, сфотографуйте квитанцію на екрані.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182"/>
        <source>The printer has run out of paper. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>У принтері закінчився папір. Ваша квитанція на екрані: будь ласка, сфотографуйте її. Вашу заяву все одно отримано.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>The receipt could not be printed. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>Квитанцію не вдалося надрукувати. Ваша квитанція на екрані: будь ласка, сфотографуйте її. Вашу заяву все одно отримано.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>The receipt printer is not working at the moment. You can still apply: at the end your receipt is shown on the screen (tracking number and QR code) for you to take a photo of.</source>
        <translation>Принтер квитанцій зараз не працює. Ви все одно можете подати заяву: наприкінці квитанцію буде показано на екрані (номер звернення і QR-код), щоб Ви могли її сфотографувати.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208"/>
        <source>The camera of this terminal is not available at the moment, so no photos can be taken here. If your application needs photos, please talk to a clerk or come back later.</source>
        <translation>Камера цього термінала зараз недоступна, тому фотографувати тут неможливо. Якщо для Вашої заяви потрібні фото, будь ласка, зверніться до працівника ратуші або приходьте пізніше.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220"/>
        <source>It has been sent to the town hall and has arrived there.</source>
        <translation>Її надіслано до ратуші, і вона туди надійшла.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>It could not be sent yet: the terminal cannot reach the town hall at the moment. Your application is stored here, encrypted, and will be sent automatically. You do not need to do anything.</source>
        <translation>Її ще не вдалося надіслати: термінал зараз не має зв’язку з ратушею. Вашу заяву збережено тут у зашифрованому вигляді, і її буде надіслано автоматично. Вам нічого не потрібно робити.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230"/>
        <source>It is being sent to the town hall …</source>
        <translation>Надсилаємо її до ратуші …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241"/>
        <source>This terminal cannot take new applications at the moment because its storage is full. Please talk to a clerk, or come back later.</source>
        <translation>Цей термінал зараз не може приймати нові заяви, бо його пам’ять заповнена. Будь ласка, зверніться до працівника ратуші або приходьте пізніше.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>The access number has six digits.</source>
        <translation>Номер доступу складається з шести цифр.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>The document number has up to nine letters and digits.</source>
        <translation>Номер документа містить до дев’яти літер і цифр.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="257"/>
        <source>Please enter the date of birth as DD.MM.YYYY.</source>
        <translation>Будь ласка, введіть дату народження у форматі ДД.ММ.РРРР.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="261"/>
        <source>Please enter the expiry date as DD.MM.YYYY.</source>
        <translation>Будь ласка, введіть дату закінчення строку дії у форматі ДД.ММ.РРРР.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270"/>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="272"/>
        <source>Being processed</source>
        <translation>Розглядається</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="274"/>
        <source>Done</source>
        <translation>Виконано</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276"/>
        <source>Declined</source>
        <translation>Відхилено</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>Asking the town hall …</source>
        <translation>Запитуємо ратушу …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>The town hall knows no application with this tracking number. Please check the number on your receipt.</source>
        <translation>У ратуші немає заяви з таким номером звернення. Будь ласка, перевірте номер на своїй квитанції.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>Many people are asking right now. Please try again in a moment.</source>
        <translation>Зараз надходить багато запитів. Будь ласка, спробуйте ще раз трохи згодом.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="297"/>
        <source>The town hall cannot be reached at the moment. Please try again later, or use the address on your receipt.</source>
        <translation>Зараз немає зв’язку з ратушею. Будь ласка, спробуйте пізніше або скористайтеся адресою, вказаною на квитанції.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>This terminal cannot ask the town hall at the moment. Please use the address on your receipt.</source>
        <translation>Цей термінал зараз не може зробити запит до ратуші. Будь ласка, скористайтеся адресою, вказаною на квитанції.</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="31"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="54"/>
        <source>Next</source>
        <translation>Далі</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="31"/>
        <source>This terminal is out of order.</source>
        <translation>Цей термінал не працює.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="32"/>
        <source>This terminal is taking a short break.</source>
        <translation>Цей термінал на короткій перерві.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="43"/>
        <source>Please contact the town hall:</source>
        <translation>Будь ласка, зверніться до ратуші:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="45"/>
        <source>It will be back in a moment. Nothing you entered was kept on this terminal.</source>
        <translation>Він зовсім скоро знову запрацює. Нічого з того, що Ви ввели, на терміналі не збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="46"/>
        <source>It will be back soon. The town hall has been informed. We are sorry for the inconvenience.</source>
        <translation>Він незабаром знову запрацює. Ратушу повідомлено. Перепрошуємо за незручності.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="67"/>
        <source>Hours: %1</source>
        <translation>Час роботи: %1</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="99"/>
        <location filename="../../ui/models/read_aloud.py" line="143"/>
        <source>Read aloud is on.</source>
        <extracomment>How often the headset is looked for (the sound driver answers from its last look). The first frame is on screen (ui.app): before it nothing is read (the walk over the screen&apos;s items would delay that frame, and nobody has heard anything yet). The text field whose typing is read (connected to its textChanged). A screen was just shown: its reading waits until QML has laid it out. Messages announced in one turn of the event loop (a form&apos;s problems), read together.</extracomment>
        <translation>Читання вголос увімкнено.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="153"/>
        <source>Explore by touch is on: one touch reads, two quick touches choose.</source>
        <translation>Дослідження дотиком увімкнено: один дотик читає, два швидкі дотики вибирають.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="157"/>
        <source>Explore by touch is off.</source>
        <translation>Дослідження дотиком вимкнено.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="164"/>
        <source>Faster</source>
        <translation>Швидше</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="170"/>
        <source>Slower</source>
        <translation>Повільніше</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="176"/>
        <source>Louder</source>
        <translation>Гучніше</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="182"/>
        <source>Quieter</source>
        <translation>Тихіше</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="192"/>
        <source>Arrow keys: from one control to the next. Enter: choose. Back: one step back. Help: read this again.</source>
        <translation>Клавіші зі стрілками: від одного елемента до наступного. Enter: вибрати. Назад: на крок назад. Довідка: прочитати це ще раз.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="198"/>
        <source>On the screen: one touch reads, two quick touches choose.</source>
        <translation>На екрані: один дотик читає, два швидкі дотики вибирають.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="207"/>
        <source>Keyboard: the arrow keys choose a key, Enter types it. Back: done typing.</source>
        <translation>Клавіатура: стрілки вибирають клавішу, Enter вводить її. Назад: завершити введення.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="231"/>
        <source>your tracking number</source>
        <translation>ваш номер звернення</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="35"/>
        <source>button</source>
        <extracomment>What kind of control the citizen is on, in words (translated when spoken).</extracomment>
        <translation>кнопка</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="36"/>
        <source>check box</source>
        <translation>прапорець</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="37"/>
        <source>option</source>
        <translation>варіант</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="38"/>
        <source>input field</source>
        <translation>поле введення</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="39"/>
        <source>list</source>
        <translation>список</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="40"/>
        <source>link</source>
        <translation>посилання</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="41"/>
        <source>heading</source>
        <translation>заголовок</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="128"/>
        <source>your entry</source>
        <translation>Ваші дані</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="141"/>
        <source>key</source>
        <translation>клавіша</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="151"/>
        <source>selected</source>
        <translation>вибрано</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="153"/>
        <source>not selected</source>
        <translation>не вибрано</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="157"/>
        <source>not available</source>
        <translation>недоступно</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="175"/>
        <source>empty</source>
        <translation>порожньо</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="179"/>
        <source>digits entered: %1</source>
        <translation>введено цифр: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="181"/>
        <source>characters entered: %1</source>
        <translation>введено символів: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="185"/>
        <source>filled in</source>
        <translation>заповнено</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="193"/>
        <source>deleted</source>
        <translation>видалено</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="200"/>
        <source>digit entered</source>
        <translation>введено цифру</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="201"/>
        <location filename="../../ui/speech/screen_reader.py" line="206"/>
        <source>character entered</source>
        <translation>введено символ</translation>
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
        <translation>січ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="46"/>
        <source>Feb</source>
        <translation>лют.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="47"/>
        <source>Mar</source>
        <translation>бер.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="48"/>
        <source>Apr</source>
        <translation>квіт.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="49"/>
        <source>May</source>
        <translation>трав.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="50"/>
        <source>Jun</source>
        <translation>черв.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="51"/>
        <source>Jul</source>
        <translation>лип.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="52"/>
        <source>Aug</source>
        <translation>серп.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="53"/>
        <source>Sep</source>
        <translation>вер.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="54"/>
        <source>Oct</source>
        <translation>жовт.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="55"/>
        <source>Nov</source>
        <translation>лист.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="56"/>
        <source>Dec</source>
        <translation>груд.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="80"/>
        <source>Receipt</source>
        <translation>Підтвердження отримання</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="83"/>
        <source>Submitted on:</source>
        <translation>Подано:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="84"/>
        <source>Your tracking number:</source>
        <translation>Ваш номер звернення:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="89"/>
        <source>Not sent yet: the terminal cannot reach the town hall right now. Your application is stored encrypted and will be sent automatically.</source>
        <translation>Ще не надіслано: термінал зараз не може з&apos;єднатися з ратушею. Вашу заяву збережено в зашифрованому вигляді, її буде надіслано автоматично.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="95"/>
        <source>Your application has reached the town hall.</source>
        <translation>Ваша заява надійшла до ратуші.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="100"/>
        <source>To see the status of your application, scan the QR code with your phone.</source>
        <translation>Щоб дізнатися стан заяви, відскануйте QR-код телефоном.</translation>
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
        <translation>Ваша заява</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="110"/>
        <source>Receipt: {service} – {tracking}</source>
        <translation>Підтвердження отримання: {service} – {tracking}</translation>
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
        <translation>Добрий день!

Ваша заява «{service}» надійшла до {municipality}.

Ваш номер звернення: {tracking}
Подано: {when}

{next_steps}

Стан вашої заяви можна переглянути тут: {link}

Цей лист було замовлено на терміналі для громадян і створено автоматично. Будь ласка, не відповідайте на нього.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../ui/models/review.py" line="80"/>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <location filename="../../ui/models/review.py" line="82"/>
        <source>No</source>
        <translation>Ні</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="26"/>
        <source>Please check your details</source>
        <translation>Будь ласка, перевірте свої дані</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="54"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="98"/>
        <source>Change</source>
        <translation>Змінити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="56"/>
        <source>Change: %1</source>
        <translation>Змінити: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="78"/>
        <source>from ID card</source>
        <translation>з посвідчення особи</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="93"/>
        <source>Photos: %1</source>
        <translation>Фото: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="99"/>
        <source>Change the photos</source>
        <translation>Змінити фото</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="129"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="136"/>
        <source>Receipt by e-mail (optional)</source>
        <translation>Квитанція електронною поштою (за бажанням)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="131"/>
        <source>The printer is not working. If you like, the town hall sends your receipt to this address. It is used for nothing else.</source>
        <translation>Принтер не працює. За бажанням ратуша надішле квитанцію на цю адресу. Її не буде використано ні для чого іншого.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="140"/>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="149"/>
        <source>This is not an e-mail address. Please check it, or leave the field empty.</source>
        <translation>Це не адреса електронної пошти. Будь ласка, перевірте її або залиште поле порожнім.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="155"/>
        <source>Privacy</source>
        <translation>Захист даних</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="211"/>
        <source>I have read the privacy notice and want to send my application.</source>
        <translation>Я знаю зміст повідомлення про захист даних і хочу надіслати свою заяву.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="219"/>
        <source>To send, please tick the box above.</source>
        <translation>Щоб надіслати, будь ласка, поставте позначку вгорі.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="220"/>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="31"/>
        <source>What you need</source>
        <translation>Що Вам потрібно</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="34"/>
        <source>About %n minute(s)</source>
        <translation>
            <numerusform>Приблизно %n хвилина</numerusform>
            <numerusform>Приблизно %n хвилини</numerusform>
            <numerusform>Приблизно %n хвилин</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="40"/>
        <source>Your ID card or passport</source>
        <translation>Ваше посвідчення особи або паспорт</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="41"/>
        <source>Your ID card, if you like (fills in your details)</source>
        <translation>За бажанням — Ваше посвідчення особи (заповнює Ваші дані)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="46"/>
        <source>Up to %n photo(s), taken here with the camera</source>
        <translation>
            <numerusform>До %n фото (знімаються тут камерою)</numerusform>
            <numerusform>До %n фото (знімаються тут камерою)</numerusform>
            <numerusform>До %n фото (знімаються тут камерою)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="107"/>
        <source>Demo: the simulated receipt printer</source>
        <translation>Демо: імітований принтер квитанцій</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="114"/>
        <source>Take the paper out</source>
        <translation>Вийняти папір</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="115"/>
        <source>Put a new roll in</source>
        <translation>Вставити новий рулон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="123"/>
        <source>Start</source>
        <translation>Почати</translation>
    </message>
</context>
<context>
    <name>SessionDialogs</name>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="12"/>
        <source>Do you want to cancel?</source>
        <translation>Бажаєте скасувати?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="14"/>
        <source>Everything you entered will be deleted.</source>
        <translation>Усе, що Ви ввели, буде видалено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="20"/>
        <source>Your call with the town hall ends too.</source>
        <translation>Розмову з ратушею також буде завершено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="29"/>
        <source>No, continue</source>
        <translation>Ні, продовжити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="36"/>
        <source>Yes, cancel</source>
        <translation>Так, скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="47"/>
        <source>Are you still there?</source>
        <translation>Ви ще тут?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="50"/>
        <source>For your privacy, this session will end in %n second(s) and your entries will be deleted.</source>
        <translation>
            <numerusform>Для захисту Ваших даних сеанс завершиться через %n секунду, і все, що Ви ввели, буде видалено.</numerusform>
            <numerusform>Для захисту Ваших даних сеанс завершиться через %n секунди, і все, що Ви ввели, буде видалено.</numerusform>
            <numerusform>Для захисту Ваших даних сеанс завершиться через %n секунд, і все, що Ви ввели, буде видалено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="62"/>
        <source>Yes, I need more time</source>
        <translation>Так, мені потрібно більше часу</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="71"/>
        <source>I always need more time</source>
        <translation>Мені завжди потрібно більше часу</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="80"/>
        <source>Talk to a clerk</source>
        <translation>Поговорити з ратушею</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="84"/>
        <source>Video calls from this terminal are coming soon. Until then, the citizens&apos; office answers on the telephone:</source>
        <translation>Відеодзвінки з цього термінала скоро будуть доступні. А поки що служба обслуговування громадян відповідає телефоном:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="85"/>
        <source>Video calls from this terminal are coming soon. Until then, please ask at the citizens&apos; office.</source>
        <translation>Відеодзвінки з цього термінала скоро будуть доступні. А поки що, будь ласка, зверніться до служби обслуговування громадян.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="101"/>
        <source>Hours: %1</source>
        <translation>Час роботи: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="106"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Status page</name>
    <message>
        <location filename="../../hub/status.py" line="141"/>
        <source>Too many lookups; please wait a little.</source>
        <extracomment>The statuses as the clerks read them (the citizen&apos;s page has them in the citizen&apos;s language).</extracomment>
        <translation>Забагато запитів; будь ласка, зачекайте трохи.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="192"/>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="193"/>
        <source>In progress</source>
        <translation>Розглядається</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="194"/>
        <source>Done</source>
        <translation>Виконано</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="195"/>
        <source>Rejected</source>
        <translation>Відхилено</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="203"/>
        <source>Status of your application – {municipality}</source>
        <translation>Стан вашої заяви – {municipality}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="206"/>
        <source>Tracking number {code}</source>
        <translation>Номер звернення {code}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="207"/>
        <source>Other languages</source>
        <translation>Інші мови</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="208"/>
        <source>There is no application with this tracking number. Please check the number on your receipt.</source>
        <translation>Заяви з таким номером немає. Будь ласка, перевірте номер на вашій квитанції.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="213"/>
        <source>An application the terminal could not send yet appears here as soon as it has reached the town hall.</source>
        <translation>Заява, яку термінал ще не зміг надіслати, з&apos;явиться тут, щойно надійде до ратуші.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="220"/>
        <source>Received on {received}, last changed on {changed}.</source>
        <translation>Отримано {received}, востаннє змінено {changed}.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="27"/>
        <source>Status of your application</source>
        <translation>Стан Вашої заяви</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="30"/>
        <source>Tracking number:</source>
        <translation>Номер звернення:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="51"/>
        <source>Asking the town hall …</source>
        <translation>Запитуємо ратушу …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="80"/>
        <source>Submitted: %1</source>
        <translation>Подано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="85"/>
        <source>Last change: %1</source>
        <translation>Остання зміна: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="94"/>
        <source>Message from the town hall: %1</source>
        <translation>Повідомлення від ратуші: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="111"/>
        <source>Ask again</source>
        <translation>Запитати ще раз</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Correct the number</source>
        <translation>Виправити номер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="123"/>
        <source>Finish</source>
        <translation>Завершити</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/qml/screens/SubmittingScreen.qml" line="18"/>
        <source>Your application is being saved …</source>
        <translation>Зберігаємо Вашу заяву …</translation>
    </message>
</context>
<context>
    <name>TechnicianPanel</name>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="17"/>
        <source>Terminal</source>
        <translation>Термінал</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="18"/>
        <source>Certificate valid until</source>
        <translation>Сертифікат дійсний до</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="19"/>
        <source>Hub</source>
        <translation>Хаб</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="20"/>
        <source>Configuration from the hub</source>
        <translation>Конфігурація з хаба</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="21"/>
        <source>Applications waiting</source>
        <translation>Заяви в черзі</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="22"/>
        <source>Undeliverable</source>
        <translation>Не вдалося доставити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="23"/>
        <source>Software version</source>
        <translation>Версія ПЗ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="24"/>
        <source>Card reader</source>
        <translation>Зчитувач карток</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="25"/>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="26"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="27"/>
        <source>Clock</source>
        <translation>Годинник</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="28"/>
        <source>TURN server</source>
        <translation>TURN-сервер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="29"/>
        <source>Disk space</source>
        <translation>Місце на диску</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="37"/>
        <source>Wrong PIN. %1 more tries before the service mode is locked.</source>
        <translation>Неправильний PIN. Залишилося спроб до блокування сервісного режиму: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="38"/>
        <source>Too many wrong PINs: locked for %1 minutes.</source>
        <translation>Забагато неправильних PIN: заблоковано на %1 хв.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="39"/>
        <source>No technician PIN is set. Set it over SSH: python -m provisioning pin</source>
        <translation>PIN техніка не встановлено. Встановіть його через SSH: python -m provisioning pin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="40"/>
        <source>This terminal knows no hub for a typed code: scan the QR code instead.</source>
        <translation>Для введеного коду цей термінал не знає хаба: відскануйте QR-код.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="41"/>
        <source>That is not an enrolment code. Check it and type it again.</source>
        <translation>Це не код реєстрації. Перевірте його та введіть ще раз.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="42"/>
        <source>Not enrolled: %1</source>
        <translation>Не зареєстровано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="43"/>
        <source>Enrolled as %1. The terminal restarts now.</source>
        <translation>Зареєстровано як %1. Термінал зараз перезапуститься.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="44"/>
        <source>The camera is not available: type the code instead.</source>
        <translation>Камера недоступна: введіть код вручну.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="57"/>
        <source>Service mode</source>
        <translation>Сервісний режим</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="62"/>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="84"/>
        <source>Technician PIN</source>
        <translation>PIN техніка</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>Erase</source>
        <translation>Стерти</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="133"/>
        <source>This terminal</source>
        <translation>Цей термінал</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="161"/>
        <source>Run the self-test</source>
        <translation>Запустити самоперевірку</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="167"/>
        <source>Self-test at %1 (a test page was printed):</source>
        <translation>Самоперевірка о %1 (надруковано тестову сторінку):</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="192"/>
        <source>Enrol with the hub</source>
        <translation>Зареєструвати в хабі</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="199"/>
        <source>Type the enrolment code from the hub&apos;s fleet page, or hold its QR code to the camera.</source>
        <translation>Введіть код реєстрації зі сторінки терміналів у хабі або піднесіть його QR-код до камери.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="200"/>
        <source>Hold the QR code from the hub&apos;s fleet page to the camera.</source>
        <translation>Піднесіть до камери QR-код зі сторінки терміналів у хабі.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="218"/>
        <source>Enrol</source>
        <translation>Зареєструвати</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Looking for the QR code …</source>
        <translation>Шукаємо QR-код …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Scan the QR code</source>
        <translation>Сканувати QR-код</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="133"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="182"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>Read aloud</source>
        <translation>Читання вголос</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>on</source>
        <translation>увімкнено</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>off</source>
        <translation>вимкнено</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="215"/>
        <source>Slower</source>
        <translation>Повільніше</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="222"/>
        <source>Faster</source>
        <translation>Швидше</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="229"/>
        <source>Quieter</source>
        <translation>Тихіше</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="236"/>
        <source>Louder</source>
        <translation>Гучніше</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <source>Explore by touch</source>
        <translation>Дослідження дотиком</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <source>More time</source>
        <translation>Більше часу</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="259"/>
        <source>Read this screen</source>
        <translation>Прочитати цей екран</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="268"/>
        <source>Stop reading aloud</source>
        <translation>Вимкнути читання вголос</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="282"/>
        <source>Larger text</source>
        <translation>Більший текст</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="289"/>
        <source>Contrast</source>
        <translation>Контраст</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="292"/>
        <source>High contrast</source>
        <translation>Високий контраст</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Clerk</source>
        <translation>Ратуша</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Talk to a clerk</source>
        <translation>Поговорити з ратушею</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Finish</source>
        <translation>Завершити</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/TopBar.qml" line="326"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Немає зв’язку — %n заява чекає, її буде надіслано автоматично</numerusform>
            <numerusform>Немає зв’язку — %n заяви чекають, їх буде надіслано автоматично</numerusform>
            <numerusform>Немає зв’язку — %n заяв чекають, їх буде надіслано автоматично</numerusform>
        </translation>
    </message>
</context>
</TS>
